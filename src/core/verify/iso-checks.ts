// The ISO on disk against what the manifest recorded while it was downloaded. On the community
// factory that recorded SHA-256 is the only integrity record there is (image-factory.md §14).
import { stat } from 'node:fs/promises';
import { formatBytes, hashFile, nodeFileSystem } from '../download/index.js';
import { errnoCode, ExitCode } from '../errors.js';
import type { ReleaseManifest } from '../manifest/index.js';
import { failed, passed, skipped } from './checklist.js';
import type { CheckResult } from './checklist.js';
import { resolveInRoot } from './paths.js';

export async function checkLocalIso(
  manifest: ReleaseManifest,
  root: string,
  signal?: AbortSignal,
): Promise<CheckResult[]> {
  const { localPath, size, sha256 } = manifest.os.iso;
  const path = resolveInRoot(root, localPath);
  const sizeTitle = `${localPath} has the recorded size (os.iso.size)`;
  const hashTitle = `${localPath} has the recorded SHA-256 (os.iso.sha256)`;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'ENOTFILE' });
  } catch (error) {
    const code = errnoCode(error);
    return [
      failed('iso-size', sizeTitle, {
        detail: code === 'ENOENT' ? `there is no file at ${path}` : `cannot read ${path} (${code})`,
        fix: 'Run verify where the release was cut (or pass --root), or download the ISO again by re-running the release with --force.',
        exitCode: ExitCode.integrity,
      }),
      skipped('iso-sha256', hashTitle, 'no ISO file to hash'),
    ];
  }
  const hashed = await hashFile(nodeFileSystem, path, signal);
  const actual = hashed.hash.digest('hex');
  const fix = `The file is not the one this release recorded: delete it and re-run the release with --force to download it again.`;
  return [
    hashed.size === size
      ? passed('iso-size', sizeTitle, `${size} bytes (${formatBytes(size)})`)
      : failed('iso-size', sizeTitle, {
          expected: `${size} bytes`,
          actual: `${hashed.size} bytes`,
          fix,
          exitCode: ExitCode.integrity,
        }),
    actual === sha256
      ? passed('iso-sha256', hashTitle, sha256)
      : failed('iso-sha256', hashTitle, {
          expected: sha256,
          actual,
          fix,
          exitCode: ExitCode.integrity,
        }),
  ];
}
