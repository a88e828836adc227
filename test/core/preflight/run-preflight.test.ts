// runPreflight against the stand-in, with the pieces an e2e run cannot reach injected: a disk
// that is too small, and a factory that answers with another schematic ID.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../../src/core/errors.js';
import { createFactoryClient } from '../../../src/core/factory/index.js';
import type { ReleaseRequest } from '../../../src/core/pipeline/request.js';
import { runPreflight } from '../../../src/core/preflight/index.js';
import type { PreflightReport } from '../../../src/core/preflight/index.js';
import { startStandin } from '../../../src/standin/server.js';
import type { RunningStandin } from '../../../src/standin/types.js';
import { requestFor } from '../../fixtures/release-request.js';
import { testHttp } from '../http/test-http.js';

const IMAGE_SIZE = 50_000;
const SCHEMATIC = new URL('../../../schematics/metal-amd64.yaml', import.meta.url);

let standin: RunningStandin;
let root: string;

beforeAll(async () => {
  standin = await startStandin({ imageSize: IMAGE_SIZE });
});
afterAll(() => standin.close());
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'preflight-core-'));
  await cp(SCHEMATIC, join(root, 'schematics/metal-amd64.yaml'), { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

function request(overrides: Partial<ReleaseRequest> = {}): ReleaseRequest {
  return requestFor(root, { talosVersion: 'v1.12.4', factoryUrl: standin.url, ...overrides });
}

function run(overrides: Partial<ReleaseRequest>, freeBytes?: () => Promise<number | undefined>) {
  const http = testHttp();
  const factory = createFactoryClient({ baseUrl: standin.url, http, backoffMs: 1 });
  return runPreflight(request(overrides), { factory, http, backoffMs: 1, freeBytes });
}

const check = (report: PreflightReport, id: string) => report.checks.find((c) => c.id === id);

describe('runPreflight', () => {
  it('fails the disk check with exit 6 when the ISO does not fit, saying how much is needed', async () => {
    const report = await run({}, async () => 1000);
    expect(report.exitCode).toBe(ExitCode.disk);
    expect(report.isoSize).toBe(IMAGE_SIZE);
    const disk = check(report, 'disk');
    expect(disk?.status).toBe('fail');
    expect(disk?.detail).toContain('48.8 KiB');
    expect(disk?.detail).toContain('1000 B');
  });

  it('passes the disk check when the space is there', async () => {
    const report = await run({}, async () => IMAGE_SIZE);
    expect(check(report, 'disk')?.status).toBe('pass');
    expect(report.exitCode).toBe(ExitCode.ok);
  });

  it('reports a factory that returns another schematic ID as an integrity failure with both IDs', async () => {
    const forged = 'e'.repeat(64);
    standin.addFault({
      match: { method: 'POST', path: '/schematics' },
      fault: { kind: 'schematic-id', id: forged },
      times: 1,
    });
    const report = await run({});
    expect(report.exitCode).toBe(ExitCode.integrity);
    const id = check(report, 'schematic-id');
    expect(id?.status).toBe('fail');
    expect(id?.expected).toContain(report.schematicId);
    expect(id?.actual).toContain(forged);
    expect(check(report, 'disk')?.status).toBe('skip');
  });

  it('fails with exit 3 when the factory refuses to list its versions, quoting it', async () => {
    standin.addFault({
      match: { path: '/versions' },
      fault: { kind: 'status', status: 403, body: 'forbidden by policy' },
      times: 1,
    });
    const report = await run({});
    expect(report.exitCode).toBe(ExitCode.factoryRefused);
    expect(check(report, 'factory')?.detail).toContain('forbidden by policy');
    expect(check(report, 'schematic')?.status).toBe('pass');
  });

  it('fails a missing --talos-version with exit 2 and skips what depends on it', async () => {
    const report = await run({ talosVersion: undefined });
    expect(report.exitCode).toBe(ExitCode.badInput);
    expect(check(report, 'talos-version')?.fix).toContain('--talos-version');
    expect(check(report, 'extension')?.status).toBe('skip');
  });

  it('fails an invalid release version by name', async () => {
    const report = await run({ releaseVersion: '../../x' });
    expect(report.exitCode).toBe(ExitCode.badInput);
    expect(check(report, 'release-version')?.detail).toContain('../../x');
    // The other lines are still listed, skipped, so the checklist keeps its shape.
    expect(check(report, 'extension')?.status).toBe('skip');
    expect(check(report, 'disk')?.status).toBe('skip');
  });

  it('fails an unreadable channel file by name, still checking the factory', async () => {
    await mkdir(join(root, 'releases/channels'), { recursive: true });
    await writeFile(join(root, 'releases/channels/stable.json'), 'not json');
    const report = await run({});
    expect(report.exitCode).toBe(ExitCode.badInput);
    expect(check(report, 'project')?.detail).toContain('stable.json');
    expect(check(report, 'factory')?.status).toBe('pass');
  });
});
