import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultKubernetesVersion } from '../../src/core/kubernetes/index.js';
import type { WizardAction } from '../../src/components/state/actions.js';
import type { WizardSession } from '../../src/components/state/steps.js';
import { VersionStep } from '../../src/components/steps/version/version-step.js';
import { requestFor, sessionFor, tempRoot } from '../e2e/helpers/wizard-fixtures.js';
import { KEY, renderInk } from './helpers.js';
import type { InkHarness } from './helpers.js';

let session: WizardSession;
let ink: InkHarness | undefined;
let actions: WizardAction[];

beforeAll(async () => {
  session = await sessionFor(requestFor(await tempRoot()));
});
afterEach(() => ink?.unmount());

function mount(highlighted = session.recommended): InkHarness {
  actions = [];
  ink = renderInk(
    createElement(VersionStep, {
      session,
      highlighted,
      isActive: true,
      dispatch: (action: WizardAction) => actions.push(action),
    }),
  );
  return ink;
}

describe('the Talos version screen', () => {
  it('highlights the latest stable version, marks it recommended and shows its Kubernetes default', async () => {
    const screen = mount();
    const recommended = session.recommended ?? '';
    const frame = await screen.waitForText(recommended);
    const row = frame.split('\n').find((line) => line.includes(recommended)) ?? '';
    expect(row).toMatch(/^› /);
    expect(row).toContain('recommended');
    expect(row).toContain(`Kubernetes ${defaultKubernetesVersion(recommended)} by default`);
  });

  it('lists newer pre-releases above it, labelled', async () => {
    const screen = mount();
    const pre = session.versions.find((entry) => entry.prerelease)?.version ?? 'none';
    const frame = await screen.waitForText(pre);
    const row = frame.split('\n').find((line) => line.includes(pre)) ?? '';
    expect(row).toContain('pre-release');
    expect(frame.indexOf(pre)).toBeLessThan(frame.indexOf(session.recommended ?? ''));
  });

  it('narrows the list to a minor line as the operator types, and chooses with enter', async () => {
    const screen = mount();
    await screen.waitForText('Filter:');
    const frame = await screen.type('1.11');
    const listed = frame.match(/v\d+\.\d+\.\d+\S*/g) ?? [];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((version) => version.startsWith('v1.11.'))).toBe(true);
    expect(frame).toContain('1.11▏');
    screen.write(KEY.enter);
    await pollActions(() => actions.length > 0);
    expect(actions).toEqual([{ type: 'version-chosen', talosVersion: listed[0] }]);
  });

  it('moves with the arrow keys and clears the filter with esc', async () => {
    const screen = mount();
    await screen.waitForText('Filter:');
    await screen.press(KEY.down);
    const highlighted =
      screen
        .frame()
        .split('\n')
        .find((line) => line.startsWith('›')) ?? '';
    const recommendedIndex = session.versions.findIndex(
      (entry) => entry.version === session.recommended,
    );
    expect(highlighted).toContain(session.versions[recommendedIndex + 1]?.version ?? 'missing');
    await screen.type('9.9');
    expect(screen.frame()).toContain('no listed version matches "9.9"');
    await screen.press(KEY.escape);
    expect(screen.frame()).toContain('type e.g. 1.11 to narrow the list');
  });

  it('counts every backspace and arrow when several arrive in one read', async () => {
    const screen = mount();
    await screen.waitForText('Filter:');
    // A fast typist: a wrong minor line, erased, and the right one, all in one chunk.
    await screen.press('9.9\u007F\u007F\u007F1.11');
    const frame = await screen.waitForText('1.11▏');
    const listed = frame.match(/v\d+\.\d+\.\d+\S*/g) ?? [];
    expect(listed.length).toBeGreaterThan(1);
    expect(listed.every((version) => version.startsWith('v1.11.'))).toBe(true);
    await screen.press(`${KEY.down}${KEY.down}`);
    const highlighted = screen
      .frame()
      .split('\n')
      .find((line) => line.startsWith('›'));
    expect(highlighted).toContain(listed[Math.min(2, listed.length - 1)]);
  });

  it('chooses from the narrowed list when the filter and enter arrive in one read', async () => {
    const screen = mount();
    await screen.waitForText('Filter:');
    screen.write('1.11\r');
    await pollActions(() => actions.length > 0);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ type: 'version-chosen' });
    expect((actions[0] as { talosVersion: string }).talosVersion).toMatch(/^v1\.11\./);
  });

  it('never draws more list rows than fit in a 24-line terminal', async () => {
    const screen = mount();
    const frame = await screen.waitForText('more');
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    expect(frame).toMatch(/↓ \d+ more/);
  });
});

async function pollActions(done: () => boolean): Promise<void> {
  const { pollUntil } = await import('./helpers.js');
  await pollUntil(() => (done() ? true : undefined), 'an action');
}

describe('the Talos version screen, long jumps', () => {
  it('jumps to the oldest version with End and back to the newest with Home', async () => {
    const screen = mount();
    await screen.waitForText('Filter:');
    const highlighted = (): string =>
      screen
        .frame()
        .split('\n')
        .find((line) => line.startsWith('›')) ?? '';
    await screen.press('\u001B[F');
    expect(highlighted()).toContain(
      session.versions[session.versions.length - 1]?.version ?? 'none',
    );
    await screen.press('\u001B[H');
    expect(highlighted()).toContain(session.versions[0]?.version ?? 'none');
  });
});
