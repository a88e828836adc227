// A release ready to write (real plan and manifest over a temp root) and what a publish of it
// returns, for the Confirm, Failed and Publish screens' tests. No registry: the screens only see state and events.
import type { DownloadResult } from '../../src/core/download/index.js';
import { buildManifest } from '../../src/core/pipeline/build-manifest.js';
import type { InstallerResolution } from '../../src/core/pipeline/artifacts.js';
import type { Publication } from '../../src/core/publish/index.js';
import type { ReadyRelease } from '../../src/components/state/steps.js';
import type { PublishSettings } from '../../src/core/project-file/index.js';
import { plannedFor, requestFor, tempRoot } from '../e2e/helpers/wizard-fixtures.js';

export const DIGEST = (byte: string) => `sha256:${byte.repeat(32)}`;

export async function readyRelease(publish?: PublishSettings): Promise<ReadyRelease> {
  const planned = await plannedFor(requestFor(await tempRoot()));
  const iso: DownloadResult = {
    path: planned.plan.paths.iso,
    sha256: '5a'.repeat(32),
    size: 3 * 1024 * 1024,
    servedBy: '127.0.0.1:1',
    resumed: false,
    reused: false,
    retries: 0,
  };
  const installer: InstallerResolution = {
    digest: DIGEST('7e'),
    pinned: `${planned.plan.refs.installerImage}@${DIGEST('7e')}`,
    reason: undefined,
  };
  const manifest = buildManifest(planned.plan, {
    iso,
    installer,
    generatedAt: new Date('2026-02-03T04:05:06Z'),
    toolVersion: '0.0.0',
  });
  const session = publish ? { ...planned.choice.session, publish } : planned.choice.session;
  return {
    ...planned,
    choice: { ...planned.choice, session },
    iso,
    downloads: new Map([[planned.plan.targets[0]?.name ?? '', iso]]),
    installer,
    manifest,
  };
}

export function publicationOf(ready: ReadyRelease): Publication {
  const version = ready.manifest.releaseVersion;
  return {
    scheme: 'https',
    registry: 'registry.example.com',
    prefix: 'appliance',
    publishedAt: '2026-02-03T04:06:00.000Z',
    toolVersion: '0.0.0',
    release: {
      reference: `registry.example.com/appliance/release:${version}`,
      digest: DIGEST('a1'),
      channelReference: 'registry.example.com/appliance/release:stable',
    },
    installers: [
      {
        source: ready.plan.refs.installerImage,
        reference: 'registry.example.com/appliance/metal-installer:v1.12.11',
        digest: DIGEST('7e'),
        signature: null,
      },
    ],
  };
}
