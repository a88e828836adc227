// Where a download keeps its state until the file is complete. (The final ISO name comes from
// isoFileName in src/core/artifacts.)

/** The in-progress file: never mistaken for a finished one, and kept for resuming. */
export function partPathFor(dest: string): string {
  return `${dest}.part`;
}

/**
 * Beside the .part: where its bytes came from and how many were written (see resume-record.ts),
 * so a later run resumes only what this tool wrote. It ends in .part too, being partial-download
 * state: ignored by git and by anything that already tolerates a leftover .part.
 */
export function resumeRecordPathFor(dest: string): string {
  return `${dest}.resume.part`;
}
