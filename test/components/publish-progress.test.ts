import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { IntegrityError } from '../../src/core/errors.js';
import type { WrittenRelease } from '../../src/core/pipeline/write-release.js';
import type { PublishEvent } from '../../src/core/publish/index.js';
import { ServicesProvider } from '../../src/components/services/context.js';
import type { WizardServices } from '../../src/components/services/types.js';
import type { WizardAction } from '../../src/components/state/actions.js';
import { wizardReducer } from '../../src/components/state/reducer.js';
import type { ReadyRelease } from '../../src/components/state/steps.js';
import { FailedStep } from '../../src/components/steps/failed-step.js';
import { CancelledView, DoneView } from '../../src/components/steps/final-views.js';
import {
  applyPublishEvent,
  blobTotals,
  blobWindow,
  NO_PUBLISH_PROGRESS,
} from '../../src/components/steps/publish/publish-progress.js';
import type { PublishProgress } from '../../src/components/steps/publish/publish-progress.js';
import { PublishProgressView } from '../../src/components/steps/publish/publish-progress-view.js';
import { PublishStep } from '../../src/components/steps/publish/publish-step.js';
import { pollUntil, renderInk } from './helpers.js';
import type { InkHarness } from './helpers.js';
import { DIGEST, publicationOf, readyRelease } from './publish-fixtures.js';

const REPO = 'appliance/release';
const MIB = 1024 * 1024;

let ink: InkHarness | undefined;
afterEach(() => ink?.unmount());
let ready: ReadyRelease;
beforeAll(async () => {
  ready = await readyRelease();
});

const hex = (n: number) => n.toString(16).padStart(2, '0');

function copy(
  event: Extract<PublishEvent, { type: 'copy' }>['event'],
  label?: string,
  repository = REPO,
): PublishEvent {
  return { type: 'copy', repository, label, event };
}

function start(n: number, size: number, label?: string, repository = REPO): PublishEvent {
  return copy(
    {
      type: 'blob-start',
      repository,
      descriptor: { mediaType: 'x', digest: DIGEST(hex(n)), size },
    },
    label,
    repository,
  );
}

const fold = (events: readonly PublishEvent[], from: PublishProgress = NO_PUBLISH_PROGRESS) =>
  events.reduce(applyPublishEvent, from);

describe('publish events into rows', () => {
  it('follows one blob from start through bytes sent to uploaded', () => {
    const digest = DIGEST('01');
    const sending = fold([
      { type: 'step', step: 'release' },
      start(1, 8 * MIB, 'metal-amd64.iso'),
      copy({ type: 'blob-progress', digest, sentBytes: 3 * MIB, totalBytes: 8 * MIB }),
    ]);
    expect(sending.step).toBe('release');
    expect([...sending.blobs.values()]).toEqual([
      {
        key: `${REPO} ${digest}`,
        label: 'metal-amd64.iso',
        size: 8 * MIB,
        sent: 3 * MIB,
        state: 'sending',
      },
    ]);
    const done = fold([copy({ type: 'blob-done', digest, how: 'uploaded' })], sending);
    expect(done.blobs.get(`${REPO} ${digest}`)).toMatchObject({ state: 'uploaded', sent: 8 * MIB });
  });

  it('names mounted and already-present blobs, and labels an unnamed layer by repository and digest', () => {
    const progress = fold([
      start(2, 100, undefined, 'appliance/metal-installer'),
      copy(
        { type: 'blob-done', digest: DIGEST('02'), how: 'mounted' },
        undefined,
        'appliance/metal-installer',
      ),
      start(3, 200),
      copy({ type: 'blob-done', digest: DIGEST('03'), how: 'skipped' }),
      copy({ type: 'manifest-done', digest: DIGEST('04'), reference: DIGEST('04') }),
    ]);
    const rows = [...progress.blobs.values()];
    expect(rows.map((row) => [row.label, row.state])).toEqual([
      ['metal-installer 020202020202', 'mounted'],
      ['release 030303030303', 'present'],
    ]);
    expect(progress.manifests).toBe(1);
    expect(blobTotals(progress)).toMatchObject({
      blobs: 2,
      done: 2,
      mounted: 1,
      present: 1,
      sentBytes: 0,
    });
  });

  it('keeps the same digest in two repositories as two rows', () => {
    const progress = fold([start(5, 10, 'a', 'p/one'), start(5, 10, 'b', 'p/two')]);
    expect(progress.blobs.size).toBe(2);
  });

  it('collects verified signatures, tags in the order they moved, and warnings', () => {
    const progress = fold([
      { type: 'signature', image: 'factory/metal-installer:v1.12.11', status: 'verified' },
      { type: 'signature', image: 'factory/other:v1', status: 'missing' },
      {
        type: 'warning',
        message: 'factory/other:v1 carries no cosign signature; mirrored unsigned',
      },
      { type: 'tag', reference: 'reg.io/a/release:1.0.0', digest: DIGEST('aa') },
      { type: 'tag', reference: 'reg.io/a/release:stable', digest: DIGEST('aa') },
    ]);
    expect(progress.signatures).toEqual(['factory/metal-installer:v1.12.11']);
    expect(progress.tags.map((tag) => tag.reference)).toEqual([
      'reg.io/a/release:1.0.0',
      'reg.io/a/release:stable',
    ]);
    expect(progress.warnings).toHaveLength(1);
  });

  it('shows every blob under way and the latest finished in at most 8 rows, counting the rest', () => {
    const events: PublishEvent[] = [];
    for (let n = 1; n <= 20; n += 1) {
      events.push(start(n, MIB, `layer-${n}`));
      if (n <= 17)
        events.push(copy({ type: 'blob-done', digest: DIGEST(hex(n)), how: 'uploaded' }));
    }
    const window = blobWindow(fold(events), 8);
    expect(window.rows.map((row) => row.label)).toEqual([
      'layer-13',
      'layer-14',
      'layer-15',
      'layer-16',
      'layer-17',
      'layer-18',
      'layer-19',
      'layer-20',
    ]);
    expect(window).toMatchObject({ moreDone: 12, moreActive: 0 });
  });
});

describe('the publish screen', () => {
  it('draws a row per blob with bytes and how it landed, within 80 columns', async () => {
    const progress = fold([
      { type: 'step', step: 'release' },
      {
        type: 'signature',
        image: 'factory.example/metal-installer/abc:v1.12.11',
        status: 'verified',
      },
      start(1, 8 * MIB, 'talos-v1.12.11-metal-amd64-0123456789ab.iso'),
      copy({
        type: 'blob-progress',
        digest: DIGEST('01'),
        sentBytes: 2 * MIB,
        totalBytes: 8 * MIB,
      }),
      start(2, 1024, '1.0.0.json'),
      copy({ type: 'blob-done', digest: DIGEST('02'), how: 'skipped' }),
      {
        type: 'tag',
        reference: 'reg.example.com/appliance/metal-installer:v1.12.11',
        digest: DIGEST('7e'),
      },
      { type: 'warning', message: 'release 1.0.0 is not the current release of channel stable' },
    ]);
    ink = renderInk(createElement(PublishProgressView, { progress }));
    const frame = await ink.waitForText('Pushing the release files');
    expect(frame).toContain('✔ signature verified: factory.example/metal-installer/abc:v1.12.11');
    expect(frame).toMatch(/talos-v1\.12\.11-metal-amd64-…\s.*25%\s+sending\s+2\.0 MiB \/ 8\.0 MiB/);
    expect(frame).toMatch(/1\.0\.0\.json\s.*100%\s+present\s+1\.0 KiB/);
    expect(frame).toContain('1/2 blobs · 2.0 MiB sent · 0 mounted · 1 present · 0 manifests');
    expect(frame).toContain(
      '→ reg.example.com/appliance/metal-installer:v1.12.11 @ sha256:7e7e7e7e7e7e',
    );
    expect(frame).toContain('! release 1.0.0 is not the current release of channel stable');
    expect(frame.split('\n').every((line) => line.length <= 80)).toBe(true);
  });

  it('summarises what does not fit in 24 lines: +N more done, earlier tags counted', async () => {
    const events: PublishEvent[] = [];
    for (let n = 1; n <= 20; n += 1) {
      events.push(start(n, MIB, `layer-${n}`, 'appliance/metal-installer'));
      events.push(
        copy(
          { type: 'blob-done', digest: DIGEST(hex(n)), how: 'uploaded' },
          undefined,
          'appliance/metal-installer',
        ),
      );
    }
    for (let n = 0; n < 6; n += 1)
      events.push({ type: 'tag', reference: `reg.io/a/t:${n}`, digest: DIGEST('aa') });
    ink = renderInk(createElement(PublishProgressView, { progress: fold(events) }));
    const frame = await ink.waitForText('more done');
    expect(frame).toContain('+12 more done');
    expect(frame).not.toContain('layer-12 ');
    expect(frame).toContain('layer-20');
    expect(frame).toContain('4 earlier tags moved');
    expect(frame).toContain('reg.io/a/t:5');
    expect(frame.trimEnd().split('\n').length).toBeLessThanOrEqual(16);
  });

  it('runs the publish through the services, shows its events, and ends with the publication', async () => {
    const actions: WizardAction[] = [];
    let finish: (() => void) | undefined;
    const services = {
      publish: (_: ReadyRelease, to: string, onEvent: (event: PublishEvent) => void) => {
        expect(to).toBe('registry.example.com/appliance');
        onEvent({ type: 'step', step: 'installers' });
        onEvent(start(9, 4 * MIB, undefined, 'appliance/metal-installer'));
        return new Promise((resolve) => {
          finish = () => resolve(publicationOf(ready));
        });
      },
    } as unknown as WizardServices;
    ink = renderInk(
      createElement(
        ServicesProvider,
        { value: services },
        createElement(PublishStep, {
          ready,
          publishTo: 'registry.example.com/appliance',
          dispatch: (action: WizardAction) => actions.push(action),
        }),
      ),
    );
    const frame = await ink.waitForText('metal-installer 090909090909');
    expect(frame).toContain('8/8 Publishing 1.0.0 to registry.example.com/appliance');
    expect(frame).toContain('Mirroring the installers by digest');
    expect(frame).toContain('^C cancel');
    finish?.();
    expect(await pollUntil(() => actions[0], 'the published action')).toEqual({
      type: 'published',
      publication: publicationOf(ready),
    });
  });

  it('a failure shows the message, the hint, and that the release is written', async () => {
    const state = wizardReducer(
      {
        step: { kind: 'publishing', ready, written: {} as WrittenRelease, publishTo: 'r.io/a' },
        help: false,
        finished: [],
      },
      {
        type: 'failed',
        error: new IntegrityError('the mirror of the installer is sha256:00, not sha256:7e', {
          hint: 'Nothing was tagged. The source served other bytes.',
        }),
      },
    );
    if (state.step.kind !== 'failed') throw new Error('expected the failed step');
    ink = renderInk(
      createElement(FailedStep, {
        error: state.step.error,
        canGoBack: false,
        isActive: true,
        dispatch: () => undefined,
      }),
    );
    const frame = await ink.waitForText('publish again');
    expect(frame).toContain('✗ the mirror of the installer is sha256:00, not sha256:7e');
    expect(frame).toContain('Nothing was tagged.');
    expect(frame).toContain(
      'The release is written; publish again with talos-release publish 1.0.0',
    );
    expect(frame).toContain('r retry  q quit');
  });

  it('a cancelled publish says the release is written', async () => {
    ink = renderInk(
      createElement(CancelledView, { partialDownload: undefined, writtenRelease: '1.0.0' }),
    );
    const frame = await ink.waitForText('Publishing cancelled.');
    expect(frame).toContain(
      'The release is written; publish again with talos-release publish 1.0.0',
    );
    expect(frame).not.toContain('Nothing was written');
  });

  it('the done screen says where the release went', async () => {
    const written = {
      manifestPath: `${ready.project.root}/releases/1.0.0.json`,
      channelPath: `${ready.project.root}/releases/channels/stable.json`,
      schematicPath: undefined,
    } as unknown as WrittenRelease;
    ink = renderInk(createElement(DoneView, { ready, written, published: publicationOf(ready) }));
    const frame = await ink.waitForText('Published to');
    expect(frame).toContain('✔ Published to registry.example.com/appliance');
    expect(frame).toContain(`release ${DIGEST('a1')}`);
    expect(frame).toContain('1 installer mirrored by digest; the channel tag moved');
    expect(frame).toContain(
      'The published references, the installer and the next command follow below.',
    );
  });
});
