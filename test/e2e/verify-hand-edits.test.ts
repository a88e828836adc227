// Edits by hand that keep a manifest well-formed but make it say something the tool would never
// have written: `verify` fails each one as its own check, naming both values, with exit 5.
import { describe, expect, it } from 'vitest';
import { RELEASED_MANIFEST, useReleasedRepo } from './helpers/released-repo.js';

const release = useReleasedRepo({ imageSize: 4096 });

describe('talos-release verify on a manifest edited by hand', () => {
  it('names a releaseVersion that is not the file name, with both versions', async () => {
    const repo = await release.copy();
    await release.editManifest(repo, (value) => {
      value.releaseVersion = '0.1.1';
    });
    const result = await release.verify(repo);
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(/^FAIL releaseVersion is the manifest file name/m);
    expect(result.stdout).toContain(`0.1.0 (the file name ${RELEASED_MANIFEST})`);
    expect(result.stdout).toContain('0.1.1 (releaseVersion)');
  });

  it('names a Kubernetes version the Talos version does not support, with both', async () => {
    const repo = await release.copy();
    const talos = release.manifest().talos.version;
    await release.editManifest(repo, (value) => {
      value.kubernetes.version = '1.29.0';
    });
    const result = await release.verify(repo, '--json');
    expect(result.code).toBe(5);
    const report = JSON.parse(result.stdout) as {
      checks: { id: string; status: string; expected?: string; actual?: string }[];
    };
    expect(report.checks.find((check) => check.id === 'kubernetes')).toMatchObject({
      status: 'fail',
      expected: `Kubernetes 1.30.x to 1.35.x (what Talos ${talos} supports)`,
      actual: '1.29.0 (kubernetes.version)',
    });
  });

  it('names an extension dropped from the bill of materials', async () => {
    const repo = await release.copy();
    await release.editManifest(repo, (value) => {
      value.talos.extensions = value.talos.extensions.filter(
        (entry) => entry.name !== 'siderolabs/iscsi-tools',
      );
    });
    const result = await release.verify(repo);
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(
      /^FAIL talos\.extensions lists the extensions of talos\.schematic/m,
    );
    expect(result.stdout).toContain(
      'named by the schematic but not recorded: siderolabs/iscsi-tools',
    );
  });

  it('passes the release as it was written', async () => {
    const result = await release.verify(await release.copy());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ok +releaseVersion is the manifest file name/m);
    expect(result.stdout).toMatch(/^ok +kubernetes\.version is one that talos\.version supports/m);
    expect(result.stdout).toMatch(
      /^ok +talos\.extensions lists the extensions of talos\.schematic/m,
    );
  });
});
