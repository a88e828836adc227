import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WizardAction } from '../../src/components/state/actions.js';
import type { PlannedRelease } from '../../src/components/state/steps.js';
import { DetailsStep } from '../../src/components/steps/details/details-step.js';
import { DETAILS, plannedFor, requestFor, tempRoot } from './fixtures.js';
import { KEY, pollUntil, renderInk } from './helpers.js';
import type { InkHarness } from './helpers.js';

let planned: PlannedRelease;
let ink: InkHarness | undefined;
let actions: WizardAction[];

beforeAll(async () => {
  planned = await plannedFor(requestFor(await tempRoot()));
});
afterEach(() => ink?.unmount());

function mount(initial = DETAILS): InkHarness {
  actions = [];
  ink = renderInk(
    createElement(DetailsStep, {
      choice: planned.choice,
      initial,
      isActive: true,
      dispatch: (action: WizardAction) => actions.push(action),
    }),
  );
  return ink;
}

const lineWith = (frame: string, text: string): string =>
  frame.split('\n').find((line) => line.includes(text)) ?? '';

describe('the release details screen', () => {
  it('shows the defaults and says where they come from', async () => {
    const screen = mount();
    const frame = await screen.waitForText('Release version:');
    expect(lineWith(frame, 'Release version:')).toContain(DETAILS.releaseVersion);
    expect(lineWith(frame, 'Kubernetes:')).toContain(DETAILS.kubernetesVersion);
    expect(frame).toContain('First release on stable');
    expect(frame).toContain('All fields are valid');
  });

  it('opens on an empty app version on a first release and says it is required', async () => {
    const screen = mount({ ...DETAILS, appVersion: '' });
    const frame = await screen.waitForText('is required');
    expect(lineWith(frame, 'App version:')).toMatch(/^› /);
    await screen.press(KEY.enter);
    expect(screen.frame()).toContain('Fix the fields marked ✗ to continue.');
    expect(actions).toEqual([]);
    await screen.type('2.4.0');
    expect(lineWith(screen.frame(), 'App version:')).toContain('2.4.0');
    expect(lineWith(screen.frame(), 'App version:')).toContain('✔');
  });

  it('checks the Kubernetes version against the chosen Talos version as it is typed', async () => {
    const screen = mount();
    await screen.waitForText('Release version:');
    await screen.press(KEY.tab);
    await screen.press(KEY.tab);
    expect(lineWith(screen.frame(), 'Kubernetes:')).toMatch(/^› /);
    for (let i = 0; i < DETAILS.kubernetesVersion.length; i += 1) await screen.press(KEY.backspace);
    await screen.type('1.20.0');
    expect(screen.frame()).toContain(
      `Kubernetes 1.20.0 is not supported by Talos ${planned.choice.talosVersion}`,
    );
    expect(lineWith(screen.frame(), 'Kubernetes:')).toContain('✗');
  });

  it('refuses a release version that is not semver, focusing it on enter', async () => {
    const screen = mount({ ...DETAILS, releaseVersion: 'v1' });
    await screen.waitForText('invalid release version');
    await screen.press(KEY.down);
    await screen.press(KEY.enter);
    expect(lineWith(screen.frame(), 'Release version:')).toMatch(/^› /);
    expect(actions).toEqual([]);
  });

  it('hands the trimmed details on with enter when everything is valid', async () => {
    const screen = mount();
    await screen.waitForText('All fields are valid');
    screen.write(KEY.enter);
    const action = await pollUntil(() => actions[0], 'details-entered');
    expect(action).toEqual({ type: 'details-entered', details: DETAILS });
  });

  it('goes back with esc, handing back what was typed', async () => {
    const screen = mount();
    await screen.waitForText('Release version:');
    await screen.type('1');
    screen.write(KEY.escape);
    const action = await pollUntil(() => actions[0], 'back');
    expect(action).toEqual({
      type: 'back',
      details: { ...DETAILS, releaseVersion: `${DETAILS.releaseVersion}1` },
    });
  });
});
