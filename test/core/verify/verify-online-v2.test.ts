// verify --online on a version 2 release against the stand-in, in both registry modes: every
// artifact URL by HEAD, every installer's index digest and per-architecture digests.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../../src/core/errors.js';
import { MANIFEST_ACCEPT } from '../../../src/core/installer/index.js';
import { verifyRelease } from '../../../src/core/verify/index.js';
import { testHttp } from '../http/test-http.js';
import { startStandin } from '../../../src/standin/server.js';
import type { RunningStandin } from '../../../src/standin/types.js';
import { VANILLA, VANILLA_ID, writeV2Release } from './release-v2-fixture.js';
import type { InstallerDigests, V2ReleaseOptions } from './release-v2-fixture.js';

const IMAGE_SIZE = 4096;

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'verify-v2-online-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** What the stand-in serves for the vanilla metal installer, asked directly (proxy mode). */
async function servedDigests(standin: RunningStandin): Promise<InstallerDigests> {
  const response = await fetch(
    `${standin.url}/v2/metal-installer/${VANILLA_ID}/manifests/v1.12.4`,
    {
      headers: { accept: MANIFEST_ACCEPT },
    },
  );
  const index = (await response.json()) as {
    manifests: { digest: string; platform: { architecture: 'amd64' | 'arm64' } }[];
  };
  return {
    digest: response.headers.get('docker-content-digest') ?? '',
    architectures: index.manifests.map((m) => ({
      architecture: m.platform.architecture,
      digest: m.digest,
    })),
  };
}

describe.each(['proxy', 'redirect'] as const)('verify --online, registry %s mode', (mode) => {
  let standin: RunningStandin;
  let served: InstallerDigests;
  beforeAll(async () => {
    // The digests are read in proxy mode: they depend on (image, schematic, version) only.
    const proxy = await startStandin({ imageSize: IMAGE_SIZE, schematics: [VANILLA] });
    served = await servedDigests(proxy);
    await proxy.close();
    standin = await startStandin({
      imageSize: IMAGE_SIZE,
      schematics: [VANILLA],
      registryMode: mode,
    });
  });
  afterAll(() => standin.close());

  const verifyOnline = async (options: V2ReleaseOptions = {}) =>
    verifyRelease({
      manifestPath: await writeV2Release(root, {
        factoryUrl: standin.url,
        imageSize: IMAGE_SIZE,
        installer: served,
        ...options,
      }),
      root,
      online: true,
      http: testHttp(),
      backoffMs: 1,
    });

  it('agrees when every artifact and every digest is still served', async () => {
    const report = await verifyOnline();
    const online = report.checks.filter((c) => c.id.startsWith('factory-'));
    expect(online.map((c) => [c.id, c.status])).toEqual([
      ['factory-artifact-size:metal-amd64.iso', 'pass'],
      ['factory-artifact-size:nocloud-amd64.raw.xz', 'pass'],
      [`factory-installer:${report.manifest.os.installer.image}`, 'pass'],
      ['factory-extensions', 'skip'],
    ]);
    expect(report.exitCode).toBe(ExitCode.ok);
  });

  it('names an architecture digest that the index no longer lists', async () => {
    const recorded = `sha256:${'9'.repeat(64)}`;
    const report = await verifyOnline({
      edit: (m) => {
        m.installers![0]!.architectures[1]!.digest = recorded;
      },
    });
    expect(report.exitCode).toBe(ExitCode.integrity);
    const check = report.checks.find((c) => c.id.startsWith('factory-installer:'));
    const arm64 = served.architectures.find((a) => a.architecture === 'arm64')!.digest;
    expect(check).toMatchObject({ status: 'fail', exitCode: ExitCode.integrity });
    expect(check!.detail).toContain(`arm64: recorded ${recorded}, served ${arm64}`);
    expect(check!.expected).toContain(`arm64 ${recorded}`);
    expect(check!.actual).toContain(`arm64 ${arm64}`);
  });

  it('skips an installer whose digests could not be resolved at release time', async () => {
    const report = await verifyOnline({
      installer: { digest: undefined, architectures: [] },
    });
    const check = report.checks.find((c) => c.id.startsWith('factory-installer:'));
    expect(check).toMatchObject({ status: 'skip' });
    expect(check!.detail).toContain(
      `no digests were recorded; the factory serves index ${served.digest}`,
    );
  });

  it('names a disk image the factory serves at another size', async () => {
    const report = await verifyOnline({
      edit: (m) => {
        m.artifacts![1]!.size = IMAGE_SIZE + 1;
      },
      sums: false,
    });
    expect(report.exitCode).toBe(ExitCode.integrity);
    const check = report.checks.find((c) => c.id === 'factory-artifact-size:nocloud-amd64.raw.xz');
    expect(check).toMatchObject({
      status: 'fail',
      expected: `${IMAGE_SIZE + 1} bytes (artifacts[1].size)`,
    });
    expect(check!.actual).toContain(`${IMAGE_SIZE} bytes (Content-Length from`);
  });
});

describe('verify --online, an unreachable registry', () => {
  it('is exit 4 for the installer lines', async () => {
    const standin = await startStandin({ imageSize: IMAGE_SIZE, schematics: [VANILLA] });
    const url = standin.url;
    await standin.close();
    const report = await verifyRelease({
      manifestPath: await writeV2Release(root, { factoryUrl: url, imageSize: IMAGE_SIZE }),
      root,
      online: true,
      http: testHttp(),
      backoffMs: 1,
    });
    const check = report.checks.find((c) => c.id.startsWith('factory-installer:'));
    expect(check).toMatchObject({ status: 'fail', exitCode: ExitCode.unavailable });
    expect(report.exitCode).toBe(ExitCode.unavailable);
  });
});
