// Manifest version 2: every artifact on disk against what was recorded while it was downloaded,
// one line per artifact, so a damaged disk image is named as plainly as a damaged ISO.
import { formatBytes } from '../download/index.js';
import { ExitCode } from '../errors.js';
import type { ReleaseArtifact } from '../manifest/index.js';
import { failed, passed } from './checklist.js';
import type { CheckResult } from './checklist.js';
import { WRONG_FILE_FIX } from './iso-checks.js';
import type { LocalFileReader } from './local-files.js';
import { resolveInRoot } from './paths.js';

export async function checkLocalArtifacts(
  artifacts: readonly ReleaseArtifact[],
  root: string,
  readLocalFile: LocalFileReader,
): Promise<CheckResult[]> {
  const checks: CheckResult[] = [];
  // One at a time: hashing is disk-bound, and each line is reported as soon as it is known.
  for (const [index, artifact] of artifacts.entries()) {
    checks.push(await checkLocalArtifact(artifact, index, root, readLocalFile));
  }
  return checks;
}

async function checkLocalArtifact(
  artifact: ReleaseArtifact,
  index: number,
  root: string,
  readLocalFile: LocalFileReader,
): Promise<CheckResult> {
  const { localPath, size, sha256 } = artifact;
  const id = `artifact-file:${artifact.name}`;
  const title = `${localPath} has the recorded size and SHA-256 (artifacts[${index}])`;
  const found = await readLocalFile(resolveInRoot(root, localPath));
  const recorded = `${size} bytes, SHA-256 ${sha256}`;
  if (!found.found) {
    return failed(id, title, {
      detail: found.why,
      expected: recorded,
      fix: `Run verify where the release was cut (or pass --root), or re-run the release with --force to download ${artifact.name} again.`,
      exitCode: ExitCode.integrity,
    });
  }
  if (found.size === size && found.sha256 === sha256) {
    return passed(id, title, `${size} bytes (${formatBytes(size)}), SHA-256 ${sha256}`);
  }
  const differs = [
    ...(found.size === size ? [] : ['size']),
    ...(found.sha256 === sha256 ? [] : ['SHA-256']),
  ];
  return failed(id, title, {
    detail: `the ${differs.join(' and the ')} of ${artifact.name} ${differs.length > 1 ? 'differ' : 'differs'} from the record`,
    expected: recorded,
    actual: `${found.size} bytes, SHA-256 ${found.sha256}`,
    fix: WRONG_FILE_FIX,
    exitCode: ExitCode.integrity,
  });
}
