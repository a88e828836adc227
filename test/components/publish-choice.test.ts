import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ServicesProvider } from '../../src/components/services/context.js';
import type { WizardServices } from '../../src/components/services/types.js';
import type { WizardAction } from '../../src/components/state/actions.js';
import {
  destinationProblem,
  initialPublishChoice,
} from '../../src/components/steps/publish/publish-choice.js';
import { PublishChoiceStep } from '../../src/components/steps/publish/publish-choice-step.js';
import type { PublishSettings } from '../../src/core/project-file/index.js';
import { KEY, pollUntil, renderInk } from './helpers.js';
import type { InkHarness } from './helpers.js';
import { readyRelease } from './publish-fixtures.js';

let ink: InkHarness | undefined;
let actions: WizardAction[];
let saved: PublishSettings[];
afterEach(() => ink?.unmount());

const TO = 'registry.example.com/appliance';

async function mount(
  publish: PublishSettings,
  savePublish: WizardServices['savePublish'] = async (_, settings) => {
    saved.push(settings);
    return '/x/talos-release.yaml';
  },
): Promise<InkHarness> {
  actions = [];
  saved = [];
  const ready = await readyRelease(publish);
  ink = renderInk(
    createElement(
      ServicesProvider,
      { value: { savePublish } as unknown as WizardServices },
      createElement(PublishChoiceStep, {
        ready,
        isActive: true,
        dispatch: (action: WizardAction) => actions.push(action),
      }),
    ),
  );
  return ink;
}

const cursorLine = (frame: string) => frame.split('\n').find((line) => line.includes('›')) ?? '';
const lastAction = () => pollUntil(() => actions[actions.length - 1], 'an action from the screen');

describe("the destination check (the core's parser, as publish --to uses it)", () => {
  it('takes <host[:port]>/<prefix> and says what is wrong with anything else', () => {
    for (const good of [TO, 'localhost:5000/talos', '127.0.0.1:5000/a/b', 'reg.io/team_x/t-1'])
      expect(destinationProblem(good), good).toBeUndefined();
    expect(destinationProblem('')).toMatch(/type a destination/);
    expect(destinationProblem('https://reg.io/t')).toMatch(/without a scheme/);
    expect(destinationProblem('reg.io')).toMatch(/prefix/);
    expect(destinationProblem('reg.io/t:v1')).toMatch(/tag or digest/);
    expect(destinationProblem('reg.io/Team')).toMatch(/uppercase/);
    expect(destinationProblem('registry/team')).toMatch(/no dot or port/);
  });

  it('defaults to Publish with a destination, to Skip with none or with skip: true', () => {
    expect(initialPublishChoice({ to: TO, skip: false }).cursor).toBe('publish');
    expect(initialPublishChoice({ to: undefined, skip: false }).cursor).toBe('skip');
    expect(initialPublishChoice({ to: TO, skip: true }).cursor).toBe('skip');
  });
});

describe('the Publish screen', () => {
  it('shows the destination from the project file and publishes there with Enter', async () => {
    const frame = await (await mount({ to: TO, skip: false })).waitForText('8/8 Publish');
    expect(frame).toContain(`talos-release.yaml: publish.to ${TO}`);
    expect(cursorLine(frame)).toContain(`› Publish to ${TO}`);
    expect(frame.split('\n').every((line) => line.length <= 80)).toBe(true);
    ink?.write(KEY.enter);
    expect(await lastAction()).toEqual({ type: 'publish-chosen', to: TO });
  });

  it('defaults to Skip without a destination: Enter skips, Esc goes back to Confirm', async () => {
    const frame = await (
      await mount({ to: undefined, skip: false })
    ).waitForText('Skip publishing');
    expect(frame).toContain('names no destination (publish.to)');
    expect(cursorLine(frame)).toContain('› Skip publishing');
    expect(frame).toContain('Publish (type a destination below first)');
    ink?.write(KEY.enter);
    expect(await lastAction()).toEqual({ type: 'publish-chosen', to: undefined });
    ink?.write(KEY.escape);
    expect(await pollUntil(() => actions[1], 'a second action')).toEqual({ type: 'back' });
  });

  it('edits the destination with live checking; Enter takes it up to Publish', async () => {
    const screen = await mount({ to: undefined, skip: false });
    await screen.waitForText('Skip publishing');
    await screen.press(KEY.down);
    expect(cursorLine(screen.frame())).toContain('› Destination');
    await screen.type('reg');
    expect(screen.frame()).toContain('has no dot or port');
    await screen.type('/team');
    expect(screen.frame()).toContain('has no dot or port');
    for (let i = 0; i < 5; i += 1) await screen.press(KEY.backspace);
    await screen.type('.example.com');
    expect(screen.frame()).toContain('Destination reg.example.com▏');
    // Enter on a destination that does not parse keeps the cursor there and says why.
    await screen.press(KEY.enter);
    expect(screen.frame()).toContain(
      '✗ registry destination "reg.example.com" has no repository prefix',
    );
    expect(cursorLine(screen.frame())).toContain('› Destination');
    await screen.type('/team');
    expect(screen.frame()).toContain('✔ <host[:port]>/<prefix>');
    await screen.press(KEY.enter);
    expect(cursorLine(screen.frame())).toContain('› Publish to reg.example.com/team');
    screen.write(KEY.enter);
    expect(await lastAction()).toEqual({ type: 'publish-chosen', to: 'reg.example.com/team' });
  });

  it('Publish without a valid destination moves to the field instead of publishing', async () => {
    const screen = await mount({ to: 'no-prefix.example.com', skip: true });
    await screen.waitForText('Skip publishing');
    await screen.press(KEY.up);
    await screen.press(KEY.enter);
    expect(cursorLine(screen.frame())).toContain('› Destination');
    expect(actions).toEqual([]);
  });

  it('s remembers the choice in talos-release.yaml: publish or skip, with the destination', async () => {
    const screen = await mount({ to: TO, skip: false });
    await screen.waitForText('Skip publishing');
    await screen.press(KEY.down);
    await screen.press('s');
    await screen.waitForText('✔ Saved: publish.to registry.example.com/appliance, skip by default');
    expect(saved).toEqual([{ to: TO, skip: true }]);
    await screen.press(KEY.up);
    await screen.press('s');
    await screen.waitForText('publish by default (comments kept)');
    expect(saved[1]).toEqual({ to: TO, skip: false });
    // Saving is not choosing: the screen stays until Enter.
    expect(actions).toEqual([]);
  });

  it('s while typing is a letter of the destination, not a save', async () => {
    const screen = await mount({ to: undefined, skip: false });
    await screen.waitForText('Skip publishing');
    await screen.press(KEY.down);
    await screen.type('s');
    expect(screen.frame()).toContain('Destination s▏');
    expect(saved).toEqual([]);
  });

  it('says when the file could not be saved', async () => {
    const screen = await mount({ to: TO, skip: false }, async () => {
      throw new Error('EACCES: permission denied');
    });
    await screen.waitForText('Skip publishing');
    await screen.press('s');
    await screen.waitForText('✗ Not saved: unexpected: EACCES: permission denied');
  });
});
