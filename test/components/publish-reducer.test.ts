import { beforeAll, describe, expect, it } from 'vitest';
import { CancelledError, IntegrityError } from '../../src/core/errors.js';
import type { WrittenRelease } from '../../src/core/pipeline/write-release.js';
import { wizardReducer } from '../../src/components/state/reducer.js';
import type { WizardState } from '../../src/components/state/reducer.js';
import type { WizardAction } from '../../src/components/state/actions.js';
import type { ReadyRelease, WizardStep } from '../../src/components/state/steps.js';
import { doneEpilogue } from '../../src/components/steps/done-epilogue.js';
import { publicationOf, readyRelease } from './publish-fixtures.js';

let ready: ReadyRelease;
beforeAll(async () => {
  ready = await readyRelease();
});

const written = { manifestPath: '/r/releases/1.0.0.json' } as unknown as WrittenRelease;
const TO = 'registry.example.com/appliance';

function run(actions: readonly WizardAction[], step: WizardStep): WizardState {
  return actions.reduce(wizardReducer, { step, help: false, finished: [] });
}

describe('wizardReducer: the Publish step', () => {
  it('asks where to publish after Confirm, before anything is written', () => {
    expect(run([{ type: 'write-confirmed' }], { kind: 'confirm', ready }).step).toEqual({
      kind: 'choose-publish',
      ready,
    });
    expect(run([{ type: 'back' }], { kind: 'choose-publish', ready }).step).toEqual({
      kind: 'confirm',
      ready,
    });
  });

  it('writes, then publishes to the chosen destination, then ends with the publication', () => {
    const publication = publicationOf(ready);
    const states = [{ kind: 'choose-publish', ready } as WizardStep];
    let state = run([], states[0] as WizardStep);
    const kinds: string[] = [];
    for (const action of [
      { type: 'publish-chosen', to: TO },
      { type: 'written', written },
      { type: 'published', publication },
    ] as const) {
      state = wizardReducer(state, action);
      kinds.push(state.step.kind);
    }
    expect(kinds).toEqual(['writing', 'publishing', 'done']);
    expect(state.step).toMatchObject({ kind: 'done', written, published: publication });
    // The written release is recorded before the publish starts: it is safe whatever follows.
    expect(state.finished.map((line) => line.text)).toEqual([
      `Wrote ${ready.plan.paths.manifestRelative}; ${ready.manifest.releaseVersion} is current on stable`,
    ]);
  });

  it('skips publishing: written goes straight to done', () => {
    const state = run(
      [
        { type: 'publish-chosen', to: undefined },
        { type: 'written', written },
      ],
      { kind: 'choose-publish', ready },
    );
    expect(state.step).toEqual({ kind: 'done', ready, written });
  });

  it('a failed publish says the release is written and how to publish again; r retries it', () => {
    const publishing: WizardStep = { kind: 'publishing', ready, written, publishTo: TO };
    const failed = run(
      [
        {
          type: 'failed',
          error: new IntegrityError(
            'the mirror of the installer is sha256:00, but the release pinned sha256:7e',
            {
              hint: 'Nothing was tagged.',
            },
          ),
        },
      ],
      publishing,
    );
    expect(failed.step).toMatchObject({
      kind: 'failed',
      back: undefined,
      retry: publishing,
      error: {
        message: 'the mirror of the installer is sha256:00, but the release pinned sha256:7e',
        hint: 'Nothing was tagged.',
        exitCode: 5,
        outcome: `The release is written; publish again with talos-release publish ${ready.manifest.releaseVersion}`,
      },
    });
    expect(wizardReducer(failed, { type: 'retry' }).step).toBe(publishing);
    expect(wizardReducer(failed, { type: 'quit' }).step).toMatchObject({
      kind: 'quit',
      error: { exitCode: 5, outcome: expect.stringContaining('publish again') },
    });
  });

  it('Ctrl-C while publishing ends cancelled, naming the written release', () => {
    const publishing: WizardStep = { kind: 'publishing', ready, written, publishTo: TO };
    for (const action of [
      { type: 'cancel' },
      { type: 'failed', error: new CancelledError() },
    ] as const)
      expect(run([action], publishing).step).toEqual({
        kind: 'cancelled',
        partialDownload: undefined,
        writtenRelease: ready.manifest.releaseVersion,
      });
    // Before the write, a cancel still means nothing was written.
    expect(run([{ type: 'cancel' }], { kind: 'choose-publish', ready }).step).toEqual({
      kind: 'cancelled',
      partialDownload: undefined,
      writtenRelease: undefined,
    });
  });

  it('the epilogue lists the published release and the mirrored installers by digest', () => {
    const publication = publicationOf(ready);
    const text = doneEpilogue(ready, publication);
    expect(text).toContain(
      `Published release:\n  ${publication.release.reference}@${publication.release.digest}`,
    );
    expect(text).toContain('registry.example.com/appliance/release:stable (channel tag)');
    expect(text).toContain(
      `Mirrored installers:\n  registry.example.com/appliance/metal-installer:v1.12.11@${publication.installers[0]?.digest}`,
    );
    expect(doneEpilogue(ready)).not.toContain('Published');
  });
});
