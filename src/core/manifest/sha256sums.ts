// releases/<version>.sha256sums: every artifact of a release in sha256sum's own format, with
// paths relative to the repository root, so `sha256sum -c releases/<v>.sha256sums` run there
// checks the whole release without this tool.
import { UserInputError } from '../errors.js';

export interface SummedFile {
  readonly sha256: string;
  /** Relative to the repository root, with forward slashes. */
  readonly localPath: string;
}

export function sha256SumsText(files: readonly SummedFile[]): string {
  return files.map((file) => `${file.sha256}  ${file.localPath}\n`).join('');
}

export function sha256SumsPathFor(releaseVersion: string): string {
  return `releases/${releaseVersion}.sha256sums`;
}

export interface SummedLine extends SummedFile {
  /** 1-based, for messages that point at the line. */
  readonly line: number;
}

// `<64 hex> <space or *><path>`: sha256sum writes a space before the path in text mode and `*` in
// binary mode; both name the same check.
const SUM_LINE = /^([0-9a-fA-F]{64}) [ *](.+)$/;

/**
 * Reads a file in `sha256sum` format. Every line must be a sum and a path (only the final newline
 * may end it); anything else throws a UserInputError naming the line, because a sums file that
 * `sha256sum -c` would half-read is worse than none.
 */
export function parseSha256Sums(text: string, file: string): SummedLine[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((content, index) => {
    const match = SUM_LINE.exec(content);
    if (!match?.[1] || !match[2]) {
      throw new UserInputError(
        `${file}:${index + 1} is not a sha256sum line: ${JSON.stringify(content.slice(0, 120))}`,
        {
          hint: 'Each line is a 64-digit SHA-256, two spaces (or a space and *) and a path; restore the file from version control or cut the release again.',
        },
      );
    }
    return { line: index + 1, sha256: match[1].toLowerCase(), localPath: match[2] };
  });
}
