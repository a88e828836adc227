// Where a download keeps its state until the file is complete. (The final ISO name comes from
// isoFileName in src/core/artifacts.)

/** The in-progress file: never mistaken for a finished one, and kept for resuming. */
export function partPathFor(dest: string): string {
  return `${dest}.part`;
}

/**
 * Beside the .part: the ETag of the body it holds, so a later run can resume with If-Range. It
 * ends in .part too, being partial-download state: ignored by git and by anything that already
 * tolerates a leftover .part.
 */
export function validatorPathFor(dest: string): string {
  return `${dest}.etag.part`;
}
