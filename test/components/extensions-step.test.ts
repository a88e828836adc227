import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionInfo } from '../../src/core/catalogue/index.js';
import type { WizardAction } from '../../src/components/state/actions.js';
import { ExtensionsStep } from '../../src/components/steps/extensions/extensions-step.js';
import { TALOS, catalogue } from '../e2e/helpers/wizard-fixtures.js';
import { KEY, pollUntil, renderInk } from './helpers.js';
import type { InkHarness } from './helpers.js';

const SCHEMATIC = ['siderolabs/amd-ucode', 'siderolabs/iscsi-tools', 'siderolabs/util-linux-tools'];
let extensions: ExtensionInfo[];
let ink: InkHarness | undefined;
let actions: WizardAction[];

beforeAll(async () => {
  extensions = await catalogue();
});
afterEach(() => ink?.unmount());

function mount(selected: readonly string[] = SCHEMATIC): InkHarness {
  actions = [];
  ink = renderInk(
    createElement(ExtensionsStep, {
      talosVersion: TALOS,
      catalogue: extensions,
      selected,
      isActive: true,
      dispatch: (action: WizardAction) => actions.push(action),
    }),
  );
  return ink;
}

const lineWith = (frame: string, text: string): string =>
  frame.split('\n').find((line) => line.includes(text)) ?? '';

async function nextAction(): Promise<WizardAction> {
  return pollUntil(() => actions[actions.length - 1], 'an action from the screen');
}

describe('the extensions screen', () => {
  it("ticks the schematic's extensions and always shows how many are selected", async () => {
    const screen = mount();
    const frame = await screen.waitForText('3 selected');
    expect(lineWith(frame, 'siderolabs/amd-ucode')).toContain('[x]');
    expect(lineWith(frame, 'siderolabs/amazon-ena')).toContain('[ ]');
  });

  it('filters on descriptions, toggles with space, and hands the sorted choice on with enter', async () => {
    const screen = mount();
    await screen.waitForText('3 selected');
    const zfs = extensions.find((entry) => entry.name === 'siderolabs/zfs');
    expect(zfs?.description).toBeDefined();
    // A word from the description, not the name: the filter searches both.
    const word = 'unmount';
    expect(zfs?.description).toContain(word);
    const filtered = await screen.type(word);
    expect(filtered).toContain('siderolabs/zfs');
    expect(filtered).not.toContain('siderolabs/amd-ucode');
    const highlightedName =
      filtered
        .split('\n')
        .find((line) => line.startsWith('›'))
        ?.split(' ')
        .pop() ?? '';
    await screen.press(KEY.space);
    expect(screen.frame()).toContain('4 selected');
    await screen.press(KEY.escape);
    screen.write(KEY.enter);
    expect(await nextAction()).toEqual({
      type: 'extensions-chosen',
      extensions: [...SCHEMATIC, highlightedName].sort(),
    });
  });

  it("shows the highlighted extension's description, author and tag", async () => {
    const screen = mount();
    const first = [...extensions].sort((a, b) => (a.name < b.name ? -1 : 1))[0];
    const frame = await screen.waitForText('by ');
    expect(frame).toContain(`by ${first?.author}`);
    expect(frame).toContain(`tag ${first?.ref.split(':').pop()}`);
  });

  it('lists a name the version lacks as a problem with a suggestion, and will not go on until it is resolved', async () => {
    const screen = mount([...SCHEMATIC, 'siderolabs/iscsi-tool']);
    const frame = await screen.waitForText('1 problem');
    expect(lineWith(frame, 'siderolabs/iscsi-tool ')).toContain(
      `✗ siderolabs/iscsi-tool is not available for Talos ${TALOS}`,
    );
    expect(lineWith(frame, 'siderolabs/iscsi-tool ')).toContain('→ siderolabs/iscsi-tools');
    await screen.press(KEY.enter);
    expect(screen.frame()).toContain('Resolve 1 problem first');
    expect(actions).toEqual([]);
    await screen.press(KEY.tab);
    expect(screen.frame()).not.toContain('problem');
    screen.write(KEY.enter);
    expect(await nextAction()).toEqual({ type: 'extensions-chosen', extensions: SCHEMATIC });
  });

  it('drops a problem name with space', async () => {
    const screen = mount([...SCHEMATIC, 'siderolabs/no-such-thing']);
    await screen.waitForText('1 problem');
    await screen.press(KEY.space);
    expect(screen.frame()).toContain('3 selected');
    expect(screen.frame()).not.toContain('no-such-thing');
  });

  it('goes back with esc, handing back what is ticked', async () => {
    const screen = mount();
    await screen.waitForText('3 selected');
    screen.write(KEY.escape);
    expect(await nextAction()).toEqual({ type: 'back', extensions: SCHEMATIC });
  });

  it('stays within a 24-line terminal however long the catalogue is', async () => {
    const screen = mount();
    const frame = await screen.waitForText('more');
    expect(extensions.length).toBeGreaterThan(24);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('shows a renamed extension without blocking, and tab takes the current name', async () => {
    expect(extensions.some((entry) => entry.name === 'siderolabs/amdgpu-firmware')).toBe(false);
    const screen = mount([...SCHEMATIC, 'siderolabs/amdgpu-firmware']);
    const frame = await screen.waitForText('was renamed to siderolabs/amdgpu');
    expect(frame).not.toContain('problem');
    await screen.press(KEY.tab);
    expect(screen.frame()).not.toContain('was renamed');
    const amdgpu = screen
      .frame()
      .split('\n')
      .find((line) => line.trimEnd().endsWith(' siderolabs/amdgpu'));
    expect(amdgpu).toContain('[x]');
    screen.write(KEY.enter);
    expect(await nextAction()).toEqual({
      type: 'extensions-chosen',
      extensions: [...SCHEMATIC, 'siderolabs/amdgpu'].sort(),
    });
  });
});
