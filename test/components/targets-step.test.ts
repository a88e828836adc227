import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ServicesProvider } from '../../src/components/services/context.js';
import type { WizardServices } from '../../src/components/services/types.js';
import type { WizardAction } from '../../src/components/state/actions.js';
import type { ExtensionChoice } from '../../src/components/state/steps.js';
import type { TargetRequest } from '../../src/core/pipeline/targets-plan.js';
import { TargetsStep } from '../../src/components/steps/targets/targets-step.js';
import { TALOS, requestFor, sessionFor, tempRoot } from '../e2e/helpers/wizard-fixtures.js';
import { KEY, pollUntil, renderInk } from './helpers.js';
import type { InkHarness } from './helpers.js';

let choice: ExtensionChoice;
let ink: InkHarness | undefined;
let actions: WizardAction[];
afterEach(() => ink?.unmount());
beforeAll(async () => {
  const session = await sessionFor(requestFor(await tempRoot()));
  choice = { session, talosVersion: TALOS, catalogue: [], extensions: [] };
});

function mount(
  selected: readonly TargetRequest[],
  services: Partial<WizardServices> = {},
): InkHarness {
  actions = [];
  const all = {
    targetSizes: async () => new Map(),
    saveTargets: async () => '/x/talos-release.yaml',
    ...services,
  } as unknown as WizardServices;
  ink = renderInk(
    createElement(
      ServicesProvider,
      { value: all },
      createElement(TargetsStep, {
        choice,
        selected,
        isActive: true,
        dispatch: (action: WizardAction) => actions.push(action),
      }),
    ),
  );
  return ink;
}

/** The row of exactly this target (Ink trims the padding after the last one on a line). */
const lineWith = (frame: string, text: string): string =>
  frame.split('\n').find((line) => line.includes(`${text} `) || line.endsWith(text)) ?? '';

const END = '\u001B[F';

async function nextAction(): Promise<WizardAction> {
  return pollUntil(() => actions[actions.length - 1], 'an action from the screen');
}

describe('the targets screen', () => {
  it('opens grouped, with the given targets picked and the first marked primary', async () => {
    const frame = await mount([
      { name: 'nocloud-amd64.iso' },
      { name: 'metal-amd64.iso' },
    ]).waitForText('2 picked');
    expect(frame).toContain('3/8 Targets for Talos');
    expect(frame).toContain('Boot ISOs');
    expect(frame).toContain('Disk images');
    expect(lineWith(frame, 'nocloud-amd64.iso')).toMatch(/› \[x\] nocloud-amd64\.iso\s+★ primary/);
    expect(lineWith(frame, 'metal-amd64.iso')).not.toContain('primary');
    expect(lineWith(frame, 'metal-arm64.iso')).toContain('[ ]');
  });

  it('makes the highlighted target primary with p, and hands the order on with enter', async () => {
    const screen = mount([{ name: 'metal-amd64.iso' }]);
    await screen.waitForText('1 picked');
    // Picked and made primary in one go; the next target picked goes last.
    screen.write(`${KEY.down}${KEY.down}${KEY.down}p${KEY.down}${KEY.space}`);
    const frame = await screen.waitForText('3 picked');
    expect(lineWith(frame, 'metal-arm64.iso')).toContain('★ primary');
    screen.write(KEY.enter);
    expect(await nextAction()).toEqual({
      type: 'targets-chosen',
      targets: [
        { name: 'metal-arm64.iso' },
        { name: 'metal-amd64.iso' },
        { name: 'nocloud-arm64.iso' },
      ],
    });
  });

  it('keeps targets picked elsewhere that are not among the common ones, schematic and all', async () => {
    const sbc = { name: 'metal-arm64.raw.xz', schematic: 'schematics/rpi.yaml' };
    const screen = mount([{ name: 'metal-amd64.iso' }, sbc]);
    await screen.waitForText('2 picked');
    screen.write(END);
    const frame = await screen.waitForText('Also picked');
    expect(lineWith(frame, 'metal-arm64.raw.xz')).toContain('[x]');
    screen.write(KEY.enter);
    expect(await nextAction()).toEqual({
      type: 'targets-chosen',
      targets: [{ name: 'metal-amd64.iso' }, sbc],
    });
  });

  it('will not go on without an ISO, and says why', async () => {
    const screen = mount([{ name: 'metal-amd64.iso' }]);
    await screen.waitForText('1 picked');
    screen.write(KEY.space);
    await screen.waitForText('0 picked');
    screen.write(KEY.enter);
    await screen.waitForText('Pick at least one target');
    screen.write(`${END}${KEY.space}${KEY.enter}`);
    await screen.waitForText('Pick an ISO too');
    expect(actions).toEqual([]);
  });

  it('goes back with esc, carrying the pick', async () => {
    const screen = mount([{ name: 'metal-amd64.iso' }]);
    await screen.waitForText('1 picked');
    screen.write(`${KEY.down}${KEY.space}`);
    await screen.waitForText('2 picked');
    screen.write(KEY.escape);
    expect(await nextAction()).toEqual({
      type: 'back',
      targets: [{ name: 'metal-amd64.iso' }, { name: 'nocloud-amd64.iso' }],
    });
  });

  it('saves the pick with s and says where; a failed save says why', async () => {
    const saved: (readonly TargetRequest[])[] = [];
    const screen = mount([{ name: 'metal-amd64.iso' }], {
      saveTargets: async (_choice, targets) => {
        saved.push(targets);
        return '/x/talos-release.yaml';
      },
    });
    await screen.waitForText('1 picked');
    screen.write(`${KEY.down}${KEY.space}`);
    await screen.waitForText('2 picked');
    screen.write('s');
    await screen.waitForText('Saved 2 targets to talos-release.yaml (comments kept)');
    expect(saved).toEqual([[{ name: 'metal-amd64.iso' }, { name: 'nocloud-amd64.iso' }]]);
    expect(actions).toEqual([]);
    screen.unmount();

    const failing = mount([{ name: 'metal-amd64.iso' }], {
      saveTargets: async () => {
        throw new Error('EACCES: permission denied');
      },
    });
    await failing.waitForText('1 picked');
    failing.write('s');
    await failing.waitForText('Not saved: unexpected: EACCES: permission denied');
  });

  it('shows … while the sizes load, then each size and the total', async () => {
    let answer: (sizes: ReadonlyMap<string, number | undefined>) => void = () => undefined;
    const screen = mount([{ name: 'metal-amd64.iso' }, { name: 'metal-arm64.iso' }], {
      targetSizes: () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
    });
    const loading = await screen.waitForText('2 picked');
    expect(loading).toContain('total …');
    expect(lineWith(loading, 'metal-arm64.iso')).toContain('…');
    answer(
      new Map([
        ['metal-amd64.iso', 3 * 1024 * 1024],
        ['metal-arm64.iso', 1024 * 1024],
      ]),
    );
    const known = await screen.waitForText('total 4.0 MiB');
    expect(lineWith(known, 'metal-amd64.iso')).toContain('3.0 MiB');
  });

  it('fits 80 columns and 24 rows', async () => {
    const frame = await mount([{ name: 'metal-amd64.iso' }]).waitForText('1 picked');
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('moves and picks with keys typed in one burst', async () => {
    const screen = mount([{ name: 'metal-amd64.iso' }]);
    await screen.waitForText('1 picked');
    screen.write(`${KEY.down}${KEY.space}`);
    const frame = await screen.waitForText('2 picked');
    expect(lineWith(frame, 'metal-amd64.iso')).toContain('[x]');
    expect(lineWith(frame, 'nocloud-amd64.iso')).toContain('› [x]');
  });
});
