import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { WizardAction } from '../../src/components/state/actions.js';
import type { PlannedRelease } from '../../src/components/state/steps.js';
import { PreviewStep } from '../../src/components/steps/preview/preview-step.js';
import { DETAILS, plannedFor, requestFor, tempRoot } from '../e2e/helpers/wizard-fixtures.js';
import { KEY, pollUntil, renderInk } from './helpers.js';
import type { InkHarness } from './helpers.js';

let ink: InkHarness | undefined;
let actions: WizardAction[];
afterEach(() => ink?.unmount());

function mount(planned: PlannedRelease): InkHarness {
  actions = [];
  ink = renderInk(
    createElement(PreviewStep, {
      planned,
      isActive: true,
      dispatch: (action: WizardAction) => actions.push(action),
    }),
  );
  return ink;
}

describe('the preview screen', () => {
  it('shows the schematic change, the ID, the ISO URL, the installer and the paths', async () => {
    const planned = await plannedFor(requestFor(await tempRoot()), {
      extensions: ['siderolabs/amd-ucode', 'siderolabs/zfs'],
    });
    const screen = mount(planned);
    const frame = await screen.waitForText('Schematic ID');
    const { plan } = planned;
    expect(frame).toContain('schematics/metal-amd64.yaml will change:');
    expect(frame).toMatch(/\+\s+- siderolabs\/zfs/);
    expect(frame).toMatch(/-\s+- siderolabs\/iscsi-tools/);
    expect(frame).toContain(plan.schematicId);
    // Long references wrap at the screen edge; compare without the line breaks.
    const joined = frame.replace(/\n\s*/g, '');
    expect(joined).toContain(plan.refs.isoUrl);
    expect(joined).toContain(plan.refs.installerImage);
    const willWrite = frame.slice(frame.indexOf('Will write'));
    for (const path of [
      plan.paths.manifestRelative,
      plan.paths.channelRelative,
      plan.paths.isoRelative,
      plan.paths.schematicRelative,
    ]) {
      expect(willWrite).toContain(path);
    }
    screen.write(KEY.enter);
    expect(await pollUntil(() => actions[0], 'preview-accepted')).toEqual({
      type: 'preview-accepted',
    });
  });

  it('says the schematic file is unchanged when the extensions are', async () => {
    const screen = mount(await plannedFor(requestFor(await tempRoot())));
    expect(await screen.waitForText('Schematic ID')).toContain(
      'schematics/metal-amd64.yaml: unchanged',
    );
  });

  it('lists problems with their fixes and only lets the operator go back', async () => {
    const planned = await plannedFor(requestFor(await tempRoot()), {
      details: { kubernetesVersion: '1.20.0' },
    });
    const screen = mount(planned);
    const frame = await screen.waitForText('✗');
    expect(frame).toContain('Kubernetes 1.20.0 is not supported');
    expect(frame).toContain('Press esc and fix the Kubernetes version.');
    expect(frame).toContain('esc back and fix');
    expect(frame).not.toContain('enter submit');
    screen.write(KEY.enter);
    screen.write(KEY.escape);
    expect(await pollUntil(() => actions[0], 'back')).toEqual({ type: 'back' });
    expect(actions).toHaveLength(1);
  });

  it('points at the release version field when that release already exists', async () => {
    const root = await tempRoot();
    await mkdir(join(root, 'releases'));
    await writeFile(join(root, 'releases', `${DETAILS.releaseVersion}.json`), '{}\n');
    // A release is taken once a channel lists its manifest (here another channel's current).
    await mkdir(join(root, 'releases', 'channels'));
    await writeFile(
      join(root, 'releases', 'channels', 'beta.json'),
      JSON.stringify({
        channel: 'beta',
        current: {
          releaseVersion: DETAILS.releaseVersion,
          manifest: `releases/${DETAILS.releaseVersion}.json`,
          talosVersion: 'v1.12.11',
          schematicId: 'a'.repeat(64),
          releasedAt: '2026-11-22T00:00:00Z',
        },
        history: [],
      }),
    );
    const screen = mount(await plannedFor(requestFor(root)));
    const frame = await screen.waitForText('already exists');
    expect(frame).toContain(`✗ release ${DETAILS.releaseVersion} already exists`);
    expect(frame).toContain('Press esc and type another release version');
  });
});
