import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NetworkError } from '../../src/core/errors.js';
import type { WizardAction } from '../../src/components/state/actions.js';
import { describeError } from '../../src/components/state/describe-error.js';
import type { ReadyRelease } from '../../src/components/state/steps.js';
import { ConfirmStep } from '../../src/components/steps/confirm-step.js';
import { doneEpilogue } from '../../src/components/steps/done-epilogue.js';
import { FailedStep } from '../../src/components/steps/failed-step.js';
import { KEY, pollUntil, renderInk } from './helpers.js';
import { readyRelease } from './publish-fixtures.js';
import type { InkHarness } from './helpers.js';

let ready: ReadyRelease;
let ink: InkHarness | undefined;
let actions: WizardAction[] = [];
afterEach(() => ink?.unmount());

beforeAll(async () => {
  ready = await readyRelease();
});

function mountConfirm(): InkHarness {
  actions = [];
  ink = renderInk(
    createElement(ConfirmStep, {
      ready,
      isActive: true,
      dispatch: (action: WizardAction) => actions.push(action),
    }),
  );
  return ink;
}

describe('the confirm screen', () => {
  it('shows the manifest about to be written and the channel update', async () => {
    const frame = await mountConfirm().waitForText('Write the release?');
    expect(frame).toContain(ready.plan.paths.manifestRelative);
    expect(frame).toContain(`${ready.manifest.releaseVersion} on stable`);
    expect(frame).toContain(ready.iso.sha256);
    expect(frame).toContain('3.0 MiB');
    expect(frame).toContain(
      `releases/channels/stable.json: new, current ${ready.manifest.releaseVersion}`,
    );
  });

  for (const [key, expected] of [
    [KEY.enter, 'write-confirmed'],
    ['y', 'write-confirmed'],
    ['n', 'write-declined'],
  ] as const) {
    it(`answers ${JSON.stringify(key)} with ${expected}`, async () => {
      const screen = mountConfirm();
      await screen.waitForText('[Y/n]');
      screen.write(key);
      expect(await pollUntil(() => actions[0], expected)).toEqual({ type: expected });
    });
  }
});

describe('the error screen', () => {
  const error = describeError(
    new NetworkError('the factory stayed unavailable after 4 attempts', {
      hint: 'Check the network, then retry.',
    }),
  );

  function mountFailed(canGoBack: boolean): InkHarness {
    actions = [];
    ink = renderInk(
      createElement(FailedStep, {
        error,
        canGoBack,
        isActive: true,
        dispatch: (action: WizardAction) => actions.push(action),
      }),
    );
    return ink;
  }

  it('shows the message, the hint and the keys that act on it', async () => {
    const frame = await mountFailed(true).waitForText('stayed unavailable');
    expect(frame).toContain('✗ the factory stayed unavailable after 4 attempts');
    expect(frame).toContain('Check the network, then retry.');
    expect(frame).toContain('r retry');
    expect(frame).toContain('esc back');
    expect(frame).toContain('q quit');
  });

  it('retries with r, quits with q and goes back with esc', async () => {
    const screen = mountFailed(true);
    await screen.waitForText('r retry');
    screen.write('r');
    await pollUntil(() => actions[0], 'retry');
    screen.write('q');
    await pollUntil(() => actions[1], 'quit');
    screen.write(KEY.escape);
    await pollUntil(() => actions[2], 'back');
    expect(actions).toEqual([{ type: 'retry' }, { type: 'quit' }, { type: 'back' }]);
  });

  it('offers no esc where going back is not safe', async () => {
    const screen = mountFailed(false);
    const frame = await screen.waitForText('r retry');
    expect(frame).not.toContain('esc');
    screen.write(KEY.escape);
    screen.write('q');
    await pollUntil(() => actions[0], 'quit');
    expect(actions).toEqual([{ type: 'quit' }]);
  });
});

describe('the lines printed after a release', () => {
  it('give the pinned installer and the talosctl command on unbroken lines', () => {
    const text = doneEpilogue(ready);
    expect(text).toContain(`  ${ready.installer.pinned}\n`);
    expect(text).toContain(`talosctl upgrade --nodes <node> --image ${ready.installer.pinned}\n`);
  });

  it('say so when no digest was recorded', () => {
    const text = doneEpilogue({
      ...ready,
      installer: { digest: undefined, pinned: undefined, reason: 'x' },
    });
    expect(text).toContain('no digest was recorded');
    expect(text).toContain(`--image ${ready.plan.refs.installerImage}\n`);
  });

  it('list every other installer pinned, after the primary the command uses', () => {
    const digest = `sha256:${'1f'.repeat(32)}`;
    const nocloud = { platform: 'nocloud', secureboot: false, image: 'r/nocloud-installer:v1' };
    const text = doneEpilogue({
      ...ready,
      manifest: {
        ...ready.manifest,
        installers: [
          ...(ready.manifest.installers ?? []).slice(0, 1),
          { ...nocloud, digest, architectures: [] },
          { ...nocloud, image: 'r/aws-installer:v1', platform: 'aws', architectures: [] },
        ],
      },
    });
    expect(text).toContain(`Other installers:\n  r/nocloud-installer:v1@${digest}\n`);
    expect(text).toContain('  r/aws-installer:v1 (no digest: the tag can move)\n');
    expect(text).toContain(`--image ${ready.installer.pinned}\n`);
  });
});
