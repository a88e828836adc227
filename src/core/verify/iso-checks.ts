// The ISO on disk against what the manifest recorded while it was downloaded. On the community
// factory that recorded SHA-256 is the only integrity record there is (docs/factory-protocol.md
// §14).
import { formatBytes } from '../download/index.js';
import { ExitCode } from '../errors.js';
import type { ReleaseManifest } from '../manifest/index.js';
import { failed, passed, skipped } from './checklist.js';
import type { CheckResult } from './checklist.js';
import type { LocalFileReader } from './local-files.js';
import { resolveInRoot } from './paths.js';

export const MISSING_FILE_FIX =
  'Run verify where the release was cut (or pass --root), or download the ISO again by re-running the release with --force.';
export const WRONG_FILE_FIX = `The file is not the one this release recorded: delete it and re-run the release with --force to download it again.`;

export async function checkLocalIso(
  manifest: ReleaseManifest,
  root: string,
  readLocalFile: LocalFileReader,
): Promise<CheckResult[]> {
  const { localPath, size, sha256 } = manifest.os.iso;
  const path = resolveInRoot(root, localPath);
  const sizeTitle = `${localPath} has the recorded size (os.iso.size)`;
  const hashTitle = `${localPath} has the recorded SHA-256 (os.iso.sha256)`;
  const found = await readLocalFile(path);
  if (!found.found) {
    return [
      failed('iso-size', sizeTitle, {
        detail: found.why,
        fix: MISSING_FILE_FIX,
        exitCode: ExitCode.integrity,
      }),
      skipped('iso-sha256', hashTitle, 'no ISO file to hash'),
    ];
  }
  const fix = WRONG_FILE_FIX;
  return [
    found.size === size
      ? passed('iso-size', sizeTitle, `${size} bytes (${formatBytes(size)})`)
      : failed('iso-size', sizeTitle, {
          expected: `${size} bytes`,
          actual: `${found.size} bytes`,
          fix,
          exitCode: ExitCode.integrity,
        }),
    found.sha256 === sha256
      ? passed('iso-sha256', hashTitle, sha256)
      : failed('iso-sha256', hashTitle, {
          expected: sha256,
          actual: found.sha256,
          fix,
          exitCode: ExitCode.integrity,
        }),
  ];
}
