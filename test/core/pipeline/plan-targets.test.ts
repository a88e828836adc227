import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRelease } from '../../../src/core/pipeline/plan.js';
import { loadProject } from '../../../src/core/pipeline/project.js';
import { loadTargetSchematics } from '../../../src/core/pipeline/target-schematics.js';
import type { TargetRequest } from '../../../src/core/pipeline/targets-plan.js';
import { answersFor } from '../../fixtures/release-request.js';

const OVERLAY = 'overlay:\n  name: rpi_generic\n  image: siderolabs/sbc-raspberrypi\n';

async function planned(targets: TargetRequest[], installers?: string[]) {
  const root = await mkdtemp(join(tmpdir(), 'tr-targets-'));
  await mkdir(join(root, 'schematics'));
  await writeFile(join(root, 'schematics/metal-amd64.yaml'), 'customization: {}\n');
  await writeFile(join(root, 'schematics/rpi.yaml'), OVERLAY);
  const project = await loadProject({
    root,
    schematicPath: 'schematics/metal-amd64.yaml',
    channel: 'stable',
  });
  return planRelease(answersFor(root, { targets, installers }), {
    project,
    catalogue: undefined,
    manifestExists: false,
    targetSchematics: await loadTargetSchematics(root, targets),
  });
}

describe('planRelease with targets', () => {
  it('builds an SBC image from its own overlay schematic, the rest from the release one', async () => {
    const plan = await planned([
      { name: 'metal-amd64.iso' },
      { name: 'metal-arm64.raw.xz', schematic: 'schematics/rpi.yaml' },
    ]);
    const [iso, sbc] = plan.targets;
    expect(iso?.schematicId).toBe(plan.schematicId);
    expect(sbc?.schematicId).not.toBe(plan.schematicId);
    expect(sbc?.url).toContain(`/image/${sbc?.schematicId}/v1.12.11/metal-arm64.raw.xz`);
    expect(plan.targetSchematics.map((s) => s.id)).toEqual([sbc?.schematicId]);
    expect(plan.paths.isoRelative).toBe(iso?.localPathRelative);
  });

  it('refuses the SBC image built from a schematic without an overlay', async () => {
    await expect(
      planned([{ name: 'metal-amd64.iso' }, { name: 'metal-arm64.raw.xz' }]),
    ).rejects.toThrow(/overlay/);
  });

  it('describes the first ISO in os, even when a disk image is listed first', async () => {
    const plan = await planned([{ name: 'nocloud-amd64.raw.xz' }, { name: 'nocloud-amd64.iso' }]);
    expect(plan.refs.isoUrl).toMatch(/nocloud-amd64\.iso$/);
    expect(plan.installers.map((i) => i.image)).toEqual([
      expect.stringMatching(/\/nocloud-installer\/[0-9a-f]{64}:v1\.12\.11$/),
    ]);
  });

  it('pins the installer asked for, whatever platform the first ISO is for', async () => {
    const plan = await planned([{ name: 'nocloud-amd64.iso' }], ['metal']);
    expect(plan.refs.isoUrl).toMatch(/nocloud-amd64\.iso$/);
    expect(plan.installers.map((i) => [i.platform, i.secureboot])).toEqual([['metal', false]]);
    expect(plan.installers[0]?.image).toMatch(/\/metal-installer\/[0-9a-f]{64}:v1\.12\.11$/);
  });
});
