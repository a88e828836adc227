// The two artifacts of a release: the ISO (downloaded and hashed here) and the installer image
// (resolved to a digest so a cluster pulls exactly what was tested).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { downloadArtifact } from '../download/index.js';
import { writeFileAtomically } from '../fs/atomic-write.js';
import type { Http } from '../http/index.js';
import type { DownloadEvent, DownloadResult, RecordedArtifact } from '../download/index.js';
import {
  registryBaseUrl,
  resolveInstallerDigest,
  tryResolveInstallerDigest,
} from '../installer/index.js';
import type { LoadedProject } from './project.js';
import type { ReleasePlan } from './plan.js';

export interface ArtifactOptions {
  readonly signal?: AbortSignal | undefined;
  /** The run's one HTTP layer, shared by the download and the installer resolver. */
  readonly http: Http;
}

export async function downloadIso(
  plan: ReleasePlan,
  previous: RecordedArtifact | undefined,
  options: ArtifactOptions & { readonly onEvent?: (event: DownloadEvent) => void },
): Promise<DownloadResult> {
  const result = await downloadArtifact({
    url: plan.refs.isoUrl,
    dest: plan.paths.iso,
    signal: options.signal,
    http: options.http,
    onEvent: options.onEvent,
    previous,
  });
  if (!result.reused) await writeDownloadRecord(plan.paths.iso, plan.refs.isoUrl, result);
  return result;
}

/**
 * What is known about the ISO already on disk, so a good copy is reused rather than fetched
 * again: first what a manifest recorded for the same file, else the record written beside it when
 * it was downloaded (a run that stopped before writing its manifest, e.g. "n" at Confirm).
 * Either way the engine reuses it only for the same URL, at the size the factory announces now,
 * after re-hashing it.
 */
export async function previousIsoRecord(
  project: LoadedProject,
  plan: ReleasePlan,
  existingManifest:
    { os: { iso: { localPath: string; sha256: string; size: number; url?: string } } } | undefined,
): Promise<RecordedArtifact | undefined> {
  for (const manifest of [existingManifest, project.currentManifest]) {
    const iso = manifest?.os.iso;
    if (iso && iso.localPath === plan.paths.isoRelative)
      return { sha256: iso.sha256, size: iso.size, url: iso.url };
  }
  return readDownloadRecord(plan.paths.iso);
}

/**
 * `<iso>.sha256`: line one in sha256sum's format so an operator can still run `sha256sum -c` on
 * it; then the source URL and size as `#` comment lines, which sha256sum skips.
 */
export function downloadRecordPath(isoPath: string): string {
  return `${isoPath}.sha256`;
}

async function writeDownloadRecord(
  isoPath: string,
  url: string,
  result: { readonly sha256: string; readonly size: number },
): Promise<void> {
  const text = `${result.sha256}  ${basename(isoPath)}\n# source: ${url}\n# size: ${result.size}\n`;
  await writeFileAtomically(downloadRecordPath(isoPath), text);
}

async function readDownloadRecord(isoPath: string): Promise<RecordedArtifact | undefined> {
  let text: string;
  try {
    text = await readFile(downloadRecordPath(isoPath), 'utf8');
  } catch {
    return undefined;
  }
  const [first = '', ...rest] = text.split('\n');
  const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(first);
  const url = rest.find((line) => line.startsWith('# source: '))?.slice('# source: '.length);
  const size = /^# size: (\d+)$/.exec(rest.find((line) => line.startsWith('# size: ')) ?? '');
  // A record from before URL and size were kept cannot show where the file came from: not reused.
  if (!match?.[1] || match[2] !== basename(isoPath) || !url || !size?.[1]) return undefined;
  return { sha256: match[1], size: Number(size[1]), url };
}

export interface InstallerResolution {
  readonly digest: string | undefined;
  readonly pinned: string | undefined;
  /** Why the digest is missing, when it is. */
  readonly reason: string | undefined;
}

export async function resolveInstaller(
  plan: ReleasePlan,
  options: ArtifactOptions & {
    readonly requireDigest: boolean;
    readonly onBuilding?: (elapsedMs: number) => void;
  },
): Promise<InstallerResolution> {
  const request = {
    registryBase: registryBaseUrl(plan.answers.factoryUrl, plan.answers.registry),
    repository: plan.refs.installerRepository,
    tag: plan.answers.talosVersion,
    signal: options.signal,
    http: options.http,
    onEvent: (event: { type: 'building'; elapsedMs: number }) =>
      options.onBuilding?.(event.elapsedMs),
  };
  if (options.requireDigest) {
    const { digest, pinned } = await resolveInstallerDigest(request);
    return { digest, pinned, reason: undefined };
  }
  const result = await tryResolveInstallerDigest(request);
  return { digest: result.digest, pinned: result.pinned, reason: result.reason };
}
