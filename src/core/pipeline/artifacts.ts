// The artifacts of a release: its images (downloaded and hashed here) and its installer images
// (resolved to digests so a cluster pulls exactly what was tested).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { downloadArtifact } from '../download/index.js';
import { writeFileAtomically } from '../fs/index.js';
import type { Http } from '../http/index.js';
import type { DownloadEvent, DownloadResult, RecordedArtifact } from '../download/index.js';
import {
  resolveIndexChildren,
  registryBaseUrl,
  resolveInstallerDigest,
  tryResolveInstallerDigest,
} from '../installer/index.js';
import type { LoadedProject } from './project.js';
import type { ArchitectureDigest } from '../installer/index.js';
import type { ReleasePlan } from './plan.js';
import { firstIso } from './targets-plan.js';
import type { PlannedTarget } from './targets-plan.js';

export interface ArtifactOptions {
  readonly signal?: AbortSignal | undefined;
  /** The run's one HTTP layer, shared by the download and the installer resolver. */
  readonly http: Http;
}

export async function downloadTarget(
  target: Pick<PlannedTarget, 'url' | 'localPath'>,
  previous: RecordedArtifact | undefined,
  options: ArtifactOptions & { readonly onEvent?: (event: DownloadEvent) => void },
): Promise<DownloadResult> {
  const result = await downloadArtifact({
    url: target.url,
    dest: target.localPath,
    signal: options.signal,
    http: options.http,
    onEvent: options.onEvent,
    previous,
  });
  if (!result.reused) await writeDownloadRecord(target.localPath, target.url, result);
  return result;
}

/** What a manifest, or the record beside the file, says about a target's file already on disk. */
export async function previousTargetRecord(
  project: LoadedProject,
  target: PlannedTarget,
  existingManifest: RecordedManifest | undefined,
): Promise<RecordedArtifact | undefined> {
  for (const manifest of [existingManifest, project.currentManifest]) {
    const recorded = [...(manifest?.artifacts ?? []), ...(manifest ? [manifest.os.iso] : [])].find(
      (a) => a.localPath === target.localPathRelative,
    );
    if (recorded) return { sha256: recorded.sha256, size: recorded.size, url: recorded.url };
  }
  return readDownloadRecord(target.localPath);
}

interface RecordedFile {
  readonly localPath: string;
  readonly sha256: string;
  readonly size: number;
  readonly url?: string | undefined;
}

/** The parts of a manifest that say what was downloaded. */
export interface RecordedManifest {
  readonly os: { readonly iso: RecordedFile };
  readonly artifacts?: readonly RecordedFile[] | undefined;
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
  existingManifest: RecordedManifest | undefined,
): Promise<RecordedArtifact | undefined> {
  return previousTargetRecord(
    project,
    {
      ...firstIso(plan.targets),
      localPath: plan.paths.iso,
      localPathRelative: plan.paths.isoRelative,
    },
    existingManifest,
  );
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

/** One installer of a release: its index digest and the digests of its architectures. */
export interface ResolvedInstaller extends InstallerResolution {
  readonly platform: string;
  readonly secureboot: boolean;
  readonly image: string;
  /** Empty when the digest is missing or the index lists no linux/amd64, linux/arm64. */
  readonly architectures: readonly ArchitectureDigest[];
}

type InstallerOptions = ArtifactOptions & {
  readonly requireDigest: boolean;
  readonly onBuilding?: (elapsedMs: number) => void;
};

/** Every installer the plan names, one after the other (a cold build blocks each one). */
export async function resolveInstallers(
  plan: ReleasePlan,
  options: InstallerOptions,
): Promise<ResolvedInstaller[]> {
  const resolved: ResolvedInstaller[] = [];
  const registryBase = registryBaseUrl(plan.answers.factoryUrl, plan.answers.registry);
  for (const installer of plan.installers) {
    const found = await resolveInstaller(plan, options, installer.repository);
    const architectures = found.digest
      ? await resolveIndexChildren({
          registryBase,
          repository: installer.repository,
          digest: found.digest,
          http: options.http,
          signal: options.signal,
        })
      : [];
    resolved.push({
      ...found,
      platform: installer.platform,
      secureboot: installer.secureboot,
      image: installer.image,
      architectures,
    });
  }
  return resolved;
}

export async function resolveInstaller(
  plan: ReleasePlan,
  options: InstallerOptions,
  repository = plan.refs.installerRepository,
): Promise<InstallerResolution> {
  const request = {
    registryBase: registryBaseUrl(plan.answers.factoryUrl, plan.answers.registry),
    repository,
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
