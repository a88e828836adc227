// The download that `os.iso` records: the plan's first ISO target.
import type { DownloadResult } from '../../core/download/index.js';
import type { ReleasePlan } from '../../core/pipeline/index.js';

export function firstIsoDownload(
  plan: ReleasePlan,
  downloads: ReadonlyMap<string, DownloadResult>,
): DownloadResult | undefined {
  const iso = plan.targets.find((target) => target.kind === 'iso');
  return iso ? downloads.get(iso.name) : undefined;
}
