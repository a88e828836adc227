// releases/<v>.sha256sums is what `sha256sum -c` trusts without this tool: it must list exactly
// the release's artifacts with the hashes the manifest recorded. The files themselves are
// checked against the manifest by the artifact lines.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, ReleaseError } from '../errors.js';
import { parseSha256Sums, sha256SumsPathFor } from '../manifest/index.js';
import type { ReleaseManifest, SummedFile, SummedLine } from '../manifest/index.js';
import { failed, passed, skipped } from './checklist.js';
import type { CheckResult } from './checklist.js';

const FIX =
  'Restore the sums file from version control, or write it again by cutting the release again.';

/** Undefined for a version 1 release without a sums file: its checklist stays as it was. */
export async function checkSha256Sums(
  manifest: ReleaseManifest,
  root: string,
): Promise<CheckResult | undefined> {
  const relative = sha256SumsPathFor(manifest.releaseVersion);
  const title = `${relative} lists every artifact with its recorded SHA-256`;
  let text: string;
  try {
    text = await readFile(join(root, relative), 'utf8');
  } catch {
    return manifest.artifacts ? skipped('sha256sums', title, `there is no ${relative}`) : undefined;
  }
  let lines: SummedLine[];
  try {
    lines = parseSha256Sums(text, relative);
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    return failed('sha256sums', title, {
      detail: error.message,
      fix: FIX,
      exitCode: ExitCode.integrity,
    });
  }
  const recorded: readonly SummedFile[] = manifest.artifacts ?? [manifest.os.iso];
  const problems = disagreements(lines, recorded, relative);
  if (problems.length === 0) {
    return passed('sha256sums', title, `${lines.length} of ${recorded.length} artifacts listed`);
  }
  return failed('sha256sums', title, {
    detail: problems.join('\n'),
    fix: FIX,
    exitCode: ExitCode.integrity,
  });
}

function disagreements(
  lines: readonly SummedLine[],
  recorded: readonly SummedFile[],
  file: string,
): string[] {
  const problems: string[] = [];
  const byPath = new Map(recorded.map((entry) => [entry.localPath, entry.sha256]));
  const listed = new Set<string>();
  for (const line of lines) {
    const at = `${file}:${line.line}`;
    const sha256 = byPath.get(line.localPath);
    if (listed.has(line.localPath)) {
      problems.push(`${at} lists ${line.localPath} again`);
    } else if (sha256 === undefined) {
      problems.push(`${at} lists ${line.localPath}, which is not an artifact of this release`);
    } else if (sha256 !== line.sha256) {
      problems.push(
        `${at} says ${line.sha256} for ${line.localPath}, but the manifest records ${sha256}`,
      );
    }
    listed.add(line.localPath);
  }
  for (const entry of recorded) {
    if (!listed.has(entry.localPath)) problems.push(`${file} does not list ${entry.localPath}`);
  }
  return problems;
}
