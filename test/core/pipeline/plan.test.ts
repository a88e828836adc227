import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtensionInfo } from '../../../src/core/catalogue/index.js';
import { UserInputError } from '../../../src/core/errors.js';
import { planRelease } from '../../../src/core/pipeline/plan.js';
import { assertNoProblems } from '../../../src/core/pipeline/problems.js';
import { channelPathFor, loadProject } from '../../../src/core/pipeline/project.js';
import { assertReleaseVersion } from '../../../src/core/pipeline/release-version.js';
import { answersFor } from '../../fixtures/release-request.js';

const catalogue = JSON.parse(
  await readFile(
    new URL('../../../src/standin/catalog/extensions/v1.12.11.json', import.meta.url),
    'utf8',
  ),
) as ExtensionInfo[];

const SCHEMATIC = `# appliance schematic
customization:
  extraKernelArgs:
    - console=ttyS0,115200n8 # serial console
  systemExtensions:
    officialExtensions:
      - siderolabs/util-linux-tools
      - siderolabs/amd-ucode
`;

async function project(schematic = SCHEMATIC) {
  const root = await mkdtemp(join(tmpdir(), 'tr-plan-'));
  await mkdir(join(root, 'schematics'));
  await writeFile(join(root, 'schematics/metal-amd64.yaml'), schematic);
  return loadProject({ root, schematicPath: 'schematics/metal-amd64.yaml', channel: 'stable' });
}

const answers = answersFor;

describe('planRelease', () => {
  it('sorts the extensions for a stable ID, says so, and derives every reference from that ID', async () => {
    const p = await project();
    const plan = planRelease(answers(p.root), { project: p, catalogue, manifestExists: false });
    expect(plan.extensions).toEqual(['siderolabs/amd-ucode', 'siderolabs/util-linux-tools']);
    expect(plan.normalFormChanges.join(' ')).toMatch(/sorted/);
    expect(plan.refs.isoUrl).toBe(
      `https://factory.talos.dev/image/${plan.schematicId}/v1.12.11/metal-amd64.iso`,
    );
    expect(plan.refs.installerImage).toBe(
      `factory.talos.dev/metal-installer/${plan.schematicId}:v1.12.11`,
    );
    expect(plan.paths.manifestRelative).toBe('releases/0.1.0.json');
    expect(plan.paths.isoRelative).toContain(plan.schematicId.slice(0, 12));
    expect(plan.bom.map((entry) => entry.name)).toEqual(plan.extensions);
    expect(plan.problems).toEqual([]);
  });

  it('keeps the order as written when asked, which gives the factory a different ID', async () => {
    const p = await project();
    const sorted = planRelease(answers(p.root), { project: p, catalogue, manifestExists: false });
    const kept = planRelease(answers(p.root, { keepExtensionOrder: true }), {
      project: p,
      catalogue,
      manifestExists: false,
    });
    expect(kept.extensions[0]).toBe('siderolabs/util-linux-tools');
    expect(kept.schematicId).not.toBe(sorted.schematicId);
  });

  it('replaces the extension set in the file text, keeping its comments', async () => {
    const p = await project();
    const plan = planRelease(
      answers(p.root, { extensions: ['siderolabs/iscsi-tools', 'siderolabs/amd-ucode'] }),
      { project: p, catalogue, manifestExists: false },
    );
    expect(plan.extensions).toEqual(['siderolabs/amd-ucode', 'siderolabs/iscsi-tools']);
    const after = plan.schematicFileUpdate?.after ?? '';
    expect(after).toContain('# appliance schematic');
    expect(after).toContain('# serial console');
    expect(after).not.toContain('util-linux-tools');
  });

  it('gathers every problem before anything is sent, each with its fix', async () => {
    const p = await project(`customization:
  extraKernelArgs:
    - talos.config=https://user:hunter2@config.example.com/machine.yaml
  systemExtensions:
    officialExtensions:
      - siderolabs/iscsi-tool
`);
    const plan = planRelease(answers(p.root, { kubernetesVersion: '1.20.0' }), {
      project: p,
      catalogue,
      manifestExists: true,
    });
    expect(plan.problems.map((problem) => problem.kind).sort()).toEqual([
      'extension',
      'kubernetes',
      'release-exists',
      'secret',
    ]);
    const failure = (() => {
      try {
        assertNoProblems(plan.problems);
      } catch (error) {
        return error as UserInputError;
      }
      return undefined;
    })();
    expect(failure).toBeInstanceOf(UserInputError);
    expect(failure?.message).toContain('siderolabs/iscsi-tools');
    expect(failure?.message).toContain('--force');
    expect(failure?.message).toContain('--allow-public-secrets');
    expect(failure?.message).not.toContain('hunter2');
  });

  it('accepts a renamed extension as the factory does, and suggests the current name', async () => {
    const p = await project(`customization:
  systemExtensions:
    officialExtensions:
      - siderolabs/amdgpu-firmware
`);
    const plan = planRelease(answers(p.root), {
      project: p,
      catalogue,
      manifestExists: false,
    });
    expect(plan.problems).toEqual([]);
    expect(plan.bom[0]?.name).toBe('siderolabs/amdgpu');
    expect(plan.warnings.join('\n')).toContain(
      'siderolabs/amdgpu-firmware was renamed siderolabs/amdgpu',
    );
  });

  it('warns that names are unchecked when planned offline', async () => {
    const p = await project();
    const plan = planRelease(answers(p.root), {
      project: p,
      catalogue: undefined,
      manifestExists: false,
    });
    expect(plan.bom).toEqual([]);
    expect(plan.warnings.join('\n')).toMatch(/not consulted/);
  });
});

describe('assertReleaseVersion', () => {
  it.each(['1.0.0', '0.1.0', '1.5.0-rc.1'])('accepts %s', (version) => {
    expect(() => assertReleaseVersion(version)).not.toThrow();
  });

  it.each(['../../x', 'v1.0.0', '1.0', '1.0.0+build.1', '1.0.0/..', '01.0.0'])(
    'rejects %s, which could not safely name releases/<version>.json',
    (version) => {
      expect(() => assertReleaseVersion(version)).toThrow(UserInputError);
    },
  );
});

describe('the version and channel checks the wizard form shares with the flags', () => {
  it('refuses a release version or a channel the manifest could not record', () => {
    const long = `1.0.0-${'a'.repeat(300)}`;
    expect(() => assertReleaseVersion(long)).toThrow(/invalid release version: .*306 characters/);
    expect(() => channelPathFor('/repo', 'c'.repeat(65))).toThrow(/invalid channel name/);
    expect(channelPathFor('/repo', 'c'.repeat(64))).toContain('releases/channels/');
  });
});
