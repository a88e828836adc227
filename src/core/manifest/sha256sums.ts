// releases/<version>.sha256sums: every artifact of a release in sha256sum's own format, with
// paths relative to the repository root, so `sha256sum -c releases/<v>.sha256sums` run there
// checks the whole release without this tool.
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
