// The wizard's view of the channel's current release: the Preview says what changes since it,
// and the version list marks the newest patch of its Talos minor line.
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlannedRelease, WizardSession } from '../../src/components/state/steps.js';
import { PreviewStep } from '../../src/components/steps/preview/preview-step.js';
import { VersionStep } from '../../src/components/steps/version/version-step.js';
import { newestPatchOf } from '../../src/core/status/index.js';
import { manifestFor } from '../core/diff/fixture.js';
import { plannedFor, requestFor, sessionFor, tempRoot } from '../e2e/helpers/wizard-fixtures.js';
import { renderInk } from './helpers.js';
import type { InkHarness } from './helpers.js';

let ink: InkHarness | undefined;
afterEach(() => ink?.unmount());

const previous = manifestFor({
  releaseVersion: '0.9.0',
  talosVersion: 'v1.11.2',
  kubernetesVersion: '1.34.0',
  kernelArgs: ['console=tty0'],
  extensions: { 'siderolabs/gvisor': '20250505.0' },
});

function withCurrent<T extends { project: PlannedRelease['project'] }>(value: T): T {
  return { ...value, project: { ...value.project, currentManifest: previous } };
}

describe('changes since the current release', () => {
  it('are listed in the Preview, in short form', async () => {
    const planned = withCurrent(await plannedFor(requestFor(await tempRoot())));
    ink = renderInk(createElement(PreviewStep, { planned, isActive: true, dispatch: () => {} }));
    const frame = (await ink.waitForText('Changes since 0.9.0')).replace(/\n\s*/g, ' ');
    expect(frame).toContain(
      `Changes since 0.9.0: Talos v1.11.2 → ${planned.plan.answers.talosVersion}`,
    );
    expect(frame).toContain('+siderolabs/amd-ucode');
    expect(frame).toContain('-siderolabs/gvisor');
    expect(frame).toContain('kernel args +console=ttyS0,115200n8 +net.ifnames=0');
  });

  it('are not mentioned before a channel has its first release', async () => {
    const planned = await plannedFor(requestFor(await tempRoot()));
    ink = renderInk(createElement(PreviewStep, { planned, isActive: true, dispatch: () => {} }));
    expect(await ink.waitForText('Schematic ID')).not.toContain('Changes since');
  });

  it('mark the newest patch of the current release minor in the version list', async () => {
    const session: WizardSession = withCurrent(await sessionFor(requestFor(await tempRoot())));
    const newest = newestPatchOf(session.versions, 'v1.11.2') ?? 'none';
    ink = renderInk(
      createElement(VersionStep, {
        session,
        highlighted: newest,
        isActive: true,
        dispatch: () => {},
      }),
    );
    const frame = await ink.waitForText(newest);
    const rows = frame.split('\n').filter((line) => line.includes('newest 1.11 patch'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(newest);
  });
});
