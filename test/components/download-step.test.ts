import { createElement } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DownloadEvent, DownloadResult } from '../../src/core/download/index.js';
import { formatBytes, formatRate } from '../../src/core/format/units.js';
import { ServicesProvider } from '../../src/components/services/context.js';
import type { WizardServices } from '../../src/components/services/types.js';
import type { WizardAction } from '../../src/components/state/actions.js';
import type { PlannedRelease } from '../../src/components/state/steps.js';
import { DownloadStep } from '../../src/components/steps/download/download-step.js';
import {
  applyDownloadEvent,
  NO_PROGRESS,
} from '../../src/components/steps/download/download-progress.js';
import {
  applyTargetEvent,
  targetsTotal,
} from '../../src/components/steps/download/target-progress.js';
import type { TargetEvent } from '../../src/components/steps/download/target-progress.js';
import { plannedFor, requestFor, tempRoot } from '../e2e/helpers/wizard-fixtures.js';
import { pollUntil, renderInk } from './helpers.js';
import type { InkHarness } from './helpers.js';

let planned: PlannedRelease;
let ink: InkHarness | undefined;
afterEach(() => ink?.unmount());
beforeAll(async () => {
  planned = await plannedFor(requestFor(await tempRoot()));
});

/** A download the test drives: it emits what the test says, and finishes when told. */
function controlledDownload() {
  let emit: (target: string, event: DownloadEvent) => void = () => undefined;
  let finish: (results: ReadonlyMap<string, DownloadResult>) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const download: WizardServices['download'] = (_planned, onEvent) => {
    emit = onEvent;
    return new Promise((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return {
    services: { download } as unknown as WizardServices,
    /** An event of the one ISO target, unless another target is named. */
    emit: (event: DownloadEvent, target = isoName()) => emit(target, event),
    finish: (results: ReadonlyMap<string, DownloadResult>) => finish(results),
    fail: (error: Error) => fail(error),
  };
}

function isoName(): string {
  return planned.plan.targets[0]?.name ?? '';
}

function mount(
  services: WizardServices,
  actions: WizardAction[],
  release: PlannedRelease = planned,
): InkHarness {
  ink = renderInk(
    createElement(
      ServicesProvider,
      { value: services },
      createElement(DownloadStep, {
        planned: release,
        dispatch: (action: WizardAction) => actions.push(action),
      }),
    ),
  );
  return ink;
}

const SHA_SO_FAR = '0123456789abcdef'.repeat(4);

describe('the download screen', () => {
  it('shows the build wait, then bytes, total, rate, ETA, the hash so far and the serving host', async () => {
    const download = controlledDownload();
    const actions: WizardAction[] = [];
    const screen = mount(download.services, actions);
    await screen.waitForText('Connecting to');
    download.emit({ type: 'building', elapsedMs: 3_000 });
    await screen.waitForText('building the ISO… 3s');
    download.emit({ type: 'size', total: 8 * 1024 * 1024 });
    download.emit({
      type: 'progress',
      bytes: 2 * 1024 * 1024,
      total: 8 * 1024 * 1024,
      rateBytesPerSec: 1024 * 1024,
      etaMs: 6_000,
      sha256SoFar: SHA_SO_FAR,
      host: '127.0.0.1:4321',
    });
    const frame = await screen.waitForText(SHA_SO_FAR);
    expect(frame).toContain(' 25%');
    expect(frame).toContain(`${formatBytes(2 * 1024 * 1024)} of ${formatBytes(8 * 1024 * 1024)}`);
    expect(frame).toContain(`${formatRate(1024 * 1024)} · ETA 6s · from 127.0.0.1:4321`);
    expect(frame).not.toContain('building');
  });

  it('shows retries and resumes as they happen', async () => {
    const download = controlledDownload();
    const screen = mount(download.services, []);
    await screen.waitForText('Connecting to');
    download.emit({ type: 'retry', attempt: 1, reason: 'connection reset', delayMs: 500 });
    download.emit({ type: 'resume', fromByte: 1024 });
    const frame = await screen.waitForText('resumed from');
    expect(frame).toContain('retry 1 in 1s: connection reset');
    expect(frame).toContain(`resumed from ${formatBytes(1024)}`);
  });

  it('says the size is unknown when the server does not give one', async () => {
    const download = controlledDownload();
    const screen = mount(download.services, []);
    await screen.waitForText('Connecting to');
    download.emit({
      type: 'progress',
      bytes: 5000,
      rateBytesPerSec: 100,
      sha256SoFar: SHA_SO_FAR,
      host: 'h:1',
    });
    expect(await screen.waitForText('size unknown')).toContain('ETA unknown');
  });

  it('hands the result on when the download finishes, and a failure when it fails', async () => {
    const ok = controlledDownload();
    const actions: WizardAction[] = [];
    const screen = mount(ok.services, actions);
    await screen.waitForText('Connecting to');
    const result: DownloadResult = {
      path: planned.plan.paths.iso,
      sha256: 'f'.repeat(64),
      size: 10,
      servedBy: 'h:1',
      resumed: false,
      reused: false,
      retries: 0,
    };
    const downloads = new Map([[isoName(), result]]);
    ok.finish(downloads);
    expect(await pollUntil(() => actions[0], 'downloaded')).toEqual({
      type: 'downloaded',
      downloads,
    });
    screen.unmount();

    const bad = controlledDownload();
    const failures: WizardAction[] = [];
    const second = mount(bad.services, failures);
    await second.waitForText('Connecting to');
    const error = new Error('disk full');
    bad.fail(error);
    expect(await pollUntil(() => failures[0], 'failed')).toEqual({ type: 'failed', error });
  });
});

describe('download progress rendering', () => {
  it('draws a stream of progress events as a few frames ending on the newest', async () => {
    const download = controlledDownload();
    const screen = mount(download.services, []);
    await screen.waitForText('Connecting to');
    const before = screen.frameCount();
    const total = 200 * 1024;
    for (let bytes = 1024; bytes <= total; bytes += 1024) {
      // Yield between events, as a socket does: unthrottled, each one would get its own frame.
      await new Promise((resolve) => setImmediate(resolve));
      download.emit({
        type: 'progress',
        bytes,
        total,
        rateBytesPerSec: 1024,
        sha256SoFar: SHA_SO_FAR,
        host: 'h:1',
      });
    }
    await screen.waitForText(`${formatBytes(total)} of ${formatBytes(total)}`);
    // Two hundred events: the screen is redrawn a handful of times, not two hundred.
    expect(screen.frameCount() - before).toBeLessThan(20);
  });
});

describe('download progress folding', () => {
  it('keeps only the last three notes so the screen never grows', () => {
    const events: DownloadEvent[] = [1, 2, 3, 4, 5].map((attempt) => ({
      type: 'retry',
      attempt,
      reason: `reset ${attempt}`,
      delayMs: 0,
    }));
    const progress = events.reduce(applyDownloadEvent, NO_PROGRESS);
    expect(progress.notes).toHaveLength(3);
    expect(progress.notes[2]).toContain('reset 5');
  });
});

describe('the download screen with several targets', () => {
  const SIX = [
    'metal-amd64.iso',
    'nocloud-amd64.iso',
    'metal-arm64.iso',
    'metal-amd64.raw.zst',
    'installer-amd64.tar',
    'kernel-arm64',
  ];
  let six: PlannedRelease;
  beforeAll(async () => {
    six = await plannedFor(requestFor(await tempRoot()), {
      targets: SIX.map((name) => ({ name })),
    });
  });

  const rowOf = (frame: string, name: string): string => {
    const lines = frame.split('\n');
    const at = lines.findIndex((line) => line.startsWith(name));
    return `${lines[at] ?? ''}\n${lines[at + 1] ?? ''}`;
  };

  it('shows one row per target with its state, bytes, rate and hash so far, and the total', async () => {
    const download = controlledDownload();
    const screen = mount(download.services, [], six);
    await screen.waitForText('Downloading 6 targets');
    download.emit({ type: 'building', elapsedMs: 4_000 }, 'metal-amd64.raw.zst');
    download.emit({ type: 'reused' }, 'kernel-arm64');
    download.emit({ type: 'retry', attempt: 1, reason: 'reset', delayMs: 10 }, 'metal-arm64.iso');
    download.emit(
      {
        type: 'progress',
        bytes: 1024 * 1024,
        total: 4 * 1024 * 1024,
        rateBytesPerSec: 512 * 1024,
        sha256SoFar: SHA_SO_FAR,
        host: 'h:1',
      },
      'nocloud-amd64.iso',
    );
    download.emit(
      {
        type: 'progress',
        bytes: 2048,
        total: 2048,
        rateBytesPerSec: 1024,
        sha256SoFar: 'ab'.repeat(32),
        host: 'h:1',
      },
      'metal-amd64.iso',
    );
    const frame = await screen.waitForText('building 4s');
    expect(rowOf(frame, 'metal-amd64.iso')).toContain('done');
    const nocloud = rowOf(frame, 'nocloud-amd64.iso');
    expect(nocloud).toContain(' 25%');
    expect(nocloud).toContain('downloading');
    expect(nocloud).toContain(`${formatBytes(1024 * 1024)} of ${formatBytes(4 * 1024 * 1024)}`);
    expect(nocloud).toContain(formatRate(512 * 1024));
    expect(nocloud).toContain(`sha256 ${SHA_SO_FAR.slice(0, 12)}…`);
    expect(rowOf(frame, 'metal-arm64.iso')).toContain('retrying');
    expect(rowOf(frame, 'installer-amd64.tar')).toContain('waiting');
    expect(rowOf(frame, 'kernel-arm64')).toContain('reused');
    expect(frame).toContain('2/6 finished');
    expect(frame).toMatch(/Total [\d.]+ MiB · 512\.0 KiB\/s/);
  });

  it('marks a target that failed while the others go on', async () => {
    const download = controlledDownload();
    const screen = mount(download.services, [], six);
    await screen.waitForText('Downloading 6 targets');
    download.emit(
      { type: 'failed', reason: 'the factory refused (HTTP 400)' },
      'metal-amd64.raw.zst',
    );
    download.emit({ type: 'building', elapsedMs: 2_000 }, 'nocloud-amd64.iso');
    const frame = await screen.waitForText('building 2s');
    expect(rowOf(frame, 'metal-amd64.raw.zst')).toContain('failed');
    expect(rowOf(frame, 'nocloud-amd64.iso')).toContain('building');
  });

  it('fits 80×24 with six targets', async () => {
    const download = controlledDownload();
    const screen = mount(download.services, [], six);
    const frame = await screen.waitForText('Downloading 6 targets');
    for (const name of SIX) expect(frame).toContain(name);
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('hands every result on when all targets finish', async () => {
    const download = controlledDownload();
    const actions: WizardAction[] = [];
    const screen = mount(download.services, actions, six);
    await screen.waitForText('Downloading 6 targets');
    const results = new Map(
      SIX.map((name): [string, DownloadResult] => [
        name,
        {
          path: name,
          sha256: 'e'.repeat(64),
          size: 1,
          servedBy: 'h:1',
          resumed: false,
          reused: false,
          retries: 0,
        },
      ]),
    );
    download.finish(results);
    expect(await pollUntil(() => actions[0], 'downloaded')).toEqual({
      type: 'downloaded',
      downloads: results,
    });
  });
});

describe('target progress folding', () => {
  it('tells each target apart and follows its state', () => {
    const events: TargetEvent[] = [
      { target: 'a.iso', event: { type: 'building', elapsedMs: 1 } },
      { target: 'b.iso', event: { type: 'verifying-existing' } },
      { target: 'a.iso', event: { type: 'retry', attempt: 1, reason: 'x', delayMs: 0 } },
      { target: 'b.iso', event: { type: 'reused' } },
      { target: 'a.iso', event: { type: 'resume', fromByte: 10 } },
    ];
    const progress = events.reduce(applyTargetEvent, new Map());
    expect(progress.get('a.iso')?.state).toBe('downloading');
    expect(progress.get('a.iso')?.notes).toHaveLength(2);
    expect(progress.get('b.iso')?.state).toBe('reused');
    expect(targetsTotal(['a.iso', 'b.iso', 'c.iso'], progress).finished).toBe(1);
  });
});
