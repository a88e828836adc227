import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WizardAction } from '../../src/components/state/actions.js';
import type { PlannedRelease } from '../../src/components/state/steps.js';
import { DetailsStep } from '../../src/components/steps/details/details-step.js';
import { ServicesProvider } from '../../src/components/services/context.js';
import type { WizardServices } from '../../src/components/services/types.js';
import {
  DETAILS,
  offlineServices,
  plannedFor,
  requestFor,
  tempRoot,
} from '../e2e/helpers/wizard-fixtures.js';
import { KEY, pollUntil, renderInk } from './helpers.js';
import type { InkHarness } from './helpers.js';

let planned: PlannedRelease;
let ink: InkHarness | undefined;
let actions: WizardAction[];

beforeAll(async () => {
  planned = await plannedFor(requestFor(await tempRoot()));
});
afterEach(() => ink?.unmount());

function mount(initial = DETAILS, services: Partial<WizardServices> = {}): InkHarness {
  actions = [];
  const request = planned.choice.session.request;
  ink = renderInk(
    createElement(
      ServicesProvider,
      { value: offlineServices(request, services) },
      createElement(DetailsStep, {
        choice: planned.choice,
        initial,
        isActive: true,
        dispatch: (action: WizardAction) => actions.push(action),
      }),
    ),
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

  it('applies every key of a chunk typed fast: text, backspaces, more text', async () => {
    const screen = mount({ ...DETAILS, appVersion: '' });
    await screen.waitForText('is required');
    screen.write(`2.4.x${KEY.backspace}${KEY.backspace}.1`);
    await screen.waitFor(
      (frame) => lineWith(frame, 'App version:').includes('2.4.1'),
      'the app version 2.4.1',
    );
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

  it('refills the fields not typed in from the current release of a channel typed in', async () => {
    const { defaults } = planned.choice.session;
    const beta = {
      channel: 'beta',
      current: '2.0.0',
      defaults: { releaseVersion: '2.0.1', appVersion: '5.5.5', valuesProfile: 'edge' },
    };
    const screen = mount(
      {
        ...DETAILS,
        releaseVersion: defaults.releaseVersion,
        appVersion: '',
        valuesProfile: defaults.valuesProfile,
      },
      {
        channelDefaults: async (channel) =>
          channel === 'beta' ? beta : { ...beta, channel, current: undefined },
      },
    );
    await screen.waitForText('First release on stable');
    await screen.type('7.0.0');
    await screen.press(KEY.up);
    await screen.press(KEY.up);
    expect(lineWith(screen.frame(), 'Channel:')).toMatch(/^› /);
    for (let i = 0; i < 'stable'.length; i += 1) await screen.press(KEY.backspace);
    await screen.type('beta');
    const frame = await screen.waitForText("Defaults follow beta's current release 2.0.0.");
    expect(lineWith(frame, 'Release version:')).toContain('2.0.1');
    expect(lineWith(frame, 'Values profile:')).toContain('edge');
    // Typed before the channel changed: the operator's, not the channel's.
    expect(lineWith(frame, 'App version:')).toContain('7.0.0');
  });
});
