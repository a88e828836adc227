// The Done screen's bundle offer without a terminal: every key of the offer, and the reducer's
// path from Done through bundling to the end, a failure, and a cancel (the release stays written).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CancelledError, ExitCode, NetworkError } from '../../src/core/errors.js';
import type { BundleResult } from '../../src/core/bundle/index.js';
import type { WrittenRelease } from '../../src/core/pipeline/write-release.js';
import { exitCodeFor } from '../../src/components/exit-code.js';
import { NO_KEY_FLAGS } from '../../src/components/keys.js';
import type { WizardAction } from '../../src/components/state/actions.js';
import { wizardReducer } from '../../src/components/state/reducer.js';
import type { WizardState } from '../../src/components/state/reducer.js';
import { isFinalStep } from '../../src/components/state/steps.js';
import type { ReadyRelease, WizardStep } from '../../src/components/state/steps.js';
import {
  bundleOut,
  initialBundleOffer,
  pressBundleOfferKey,
} from '../../src/components/steps/bundle/bundle-offer.js';
import type { BundleOffer } from '../../src/components/steps/bundle/bundle-offer.js';
import { doneEpilogue } from '../../src/components/steps/done-epilogue.js';
import { readyRelease } from './publish-fixtures.js';

const ROOT = '/srv/appliance';
const typed = (input: string) => ({ input, key: NO_KEY_FLAGS });
const KEYS = {
  enter: { input: '', key: { ...NO_KEY_FLAGS, return: true } },
  escape: { input: '', key: { ...NO_KEY_FLAGS, escape: true } },
  backspace: { input: '', key: { ...NO_KEY_FLAGS, backspace: true } },
};

function press(offer: BundleOffer, ...keys: { input: string; key: typeof NO_KEY_FLAGS }[]) {
  let current = offer;
  let effect: ReturnType<typeof pressBundleOfferKey>['effect'];
  for (const { input, key } of keys) {
    const result = pressBundleOfferKey(current, input, key, ROOT);
    current = result.offer;
    effect = result.effect;
  }
  return { offer: current, effect };
}

describe('the bundle offer on the Done screen', () => {
  const offer = initialBundleOffer('1.2.0');

  it('offers bundles/talos-release-<v>.tar under the project root; b bundles there', () => {
    expect(offer.path).toBe('bundles/talos-release-1.2.0.tar');
    expect(press(offer, typed('b')).effect).toEqual({
      type: 'bundle',
      out: join(ROOT, 'bundles/talos-release-1.2.0.tar'),
    });
  });

  it('e edits the path: typing and backspace change it, Enter keeps it, then b uses it', () => {
    const edited = press(
      offer,
      typed('e'),
      ...[...'.tar'].map(() => KEYS.backspace),
      typed('-site.tar'),
      KEYS.enter,
    );
    expect(edited.offer).toMatchObject({
      path: 'bundles/talos-release-1.2.0-site.tar',
      editingFrom: undefined,
    });
    // While editing, b and Enter are text and the field's own keys, not bundle and finish.
    expect(press(offer, typed('e'), typed('b')).effect).toBeUndefined();
    expect(press(edited.offer, typed('b')).effect).toEqual({
      type: 'bundle',
      out: join(ROOT, 'bundles/talos-release-1.2.0-site.tar'),
    });
  });

  it('takes an absolute path as typed, and a folder when the name does not end in .tar', () => {
    const absolute = press(offer, typed('e'), ...[...offer.path].map(() => KEYS.backspace));
    const typedPath = press(absolute.offer, typed('/mnt/usb/site-bundle'), KEYS.enter, typed('b'));
    expect(typedPath.effect).toEqual({ type: 'bundle', out: '/mnt/usb/site-bundle' });
    expect(bundleOut(ROOT, ' out/b.tar ')).toBe(join(ROOT, 'out/b.tar'));
  });

  it('Esc undoes the edit; an empty path is refused with a problem, not bundled', () => {
    const undone = press(offer, typed('e'), typed('xyz'), KEYS.escape);
    expect(undone.offer).toMatchObject({ path: offer.path, editingFrom: undefined });
    const empty = press(offer, typed('e'), ...[...offer.path].map(() => KEYS.backspace));
    const entered = press(empty.offer, KEYS.enter);
    expect(entered.offer.problem).toContain('type a path');
    expect(entered.offer.editingFrom).toBe(offer.path);
  });

  it('Enter or q ends the wizard without a bundle', () => {
    expect(press(offer, KEYS.enter).effect).toEqual({ type: 'finish' });
    expect(press(offer, typed('q')).effect).toEqual({ type: 'finish' });
    expect(press(offer, typed('x')).effect).toBeUndefined();
  });
});

describe('wizardReducer: Done, bundling and the end', () => {
  let ready: ReadyRelease;
  beforeAll(async () => {
    ready = await readyRelease();
  });
  const written = { manifestPath: '/r/releases/1.0.0.json' } as unknown as WrittenRelease;
  const out = '/r/bundles/talos-release-1.0.0.tar';
  const result: BundleResult = { path: out, kind: 'tar', bytes: 5 * 1024 * 1024, images: ['i'] };
  const run = (actions: readonly WizardAction[], step: WizardStep): WizardState =>
    actions.reduce(wizardReducer, { step, help: false, finished: [] });

  it('waits on Done; b bundles, then the wizard ends with the bundle, exit 0', () => {
    const done: WizardStep = { kind: 'done', ready, written };
    expect(isFinalStep(done)).toBe(false);
    const bundling = run([{ type: 'bundle', out }], done).step;
    expect(bundling).toMatchObject({ kind: 'bundling', out, written });
    const end = run(
      [
        { type: 'bundle', out },
        { type: 'bundled', result },
      ],
      done,
    ).step;
    expect(end).toMatchObject({ kind: 'finished', bundled: result, written });
    if (!isFinalStep(end)) throw new Error('expected the end');
    expect(exitCodeFor(end)).toBe(ExitCode.ok);
  });

  it('Enter on Done ends the wizard without a bundle', () => {
    const end = run([{ type: 'finish' }], { kind: 'done', ready, written }).step;
    expect(end).toEqual({ kind: 'finished', ready, written, published: undefined });
  });

  it('a failed bundle keeps the release: retry bundles again, Esc returns to Done', () => {
    const bundling: WizardStep = { kind: 'bundling', ready, written, out };
    const failed = run(
      [{ type: 'failed', error: new NetworkError('the factory is down', { hint: 'try later' }) }],
      bundling,
    ).step;
    expect(failed).toMatchObject({
      kind: 'failed',
      error: {
        message: 'the factory is down',
        outcome: `The release is written; bundle it later with talos-release bundle 1.0.0 --out ${out}`,
      },
      retry: bundling,
      back: { kind: 'done', ready, written },
    });
    expect(run([{ type: 'back' }], failed).step).toMatchObject({ kind: 'done' });
    expect(run([{ type: 'retry' }], failed).step).toBe(bundling);
  });

  it('Ctrl-C while bundling cancels (exit 130) and says the release is written', () => {
    const bundling: WizardStep = { kind: 'bundling', ready, written, out };
    for (const action of [
      { type: 'cancel' },
      { type: 'failed', error: new CancelledError() },
    ] as const) {
      const end = run([action], bundling).step;
      expect(end).toMatchObject({
        kind: 'cancelled',
        writtenRelease: '1.0.0',
        bundling: { out, written },
      });
      if (!isFinalStep(end)) throw new Error('expected the end');
      expect(exitCodeFor(end)).toBe(ExitCode.cancelled);
    }
  });

  it('the epilogue names the bundle, its size and the commands for the site', () => {
    const text = doneEpilogue(ready, undefined, result);
    expect(text).toContain(`Bundle for an air-gapped site (5.0 MiB):\n  ${out}\n`);
    expect(text).toContain(`talos-release verify --bundle ${out}`);
    expect(text).toContain(`talos-release publish --from ${out} --to <registry>/<prefix>`);
    expect(doneEpilogue(ready)).not.toContain('air-gapped');
  });
});
