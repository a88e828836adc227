import { afterEach, describe, expect, it } from 'vitest';
import { downloadArtifact, partPathFor } from '../../../src/core/download/index.js';
import type { DownloadEvent } from '../../../src/core/download/index.js';
import { ExitCode, FactoryRefusedError } from '../../../src/core/errors.js';
import { getRequests, startFixture, VERSION, sizeOf } from './standin-fixture.js';
import type { Fixture } from './standin-fixture.js';
import { testHttp } from '../http/test-http.js';

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const fast = { backoffMs: 1, idleTimeoutMs: 2_000, http: testHttp() };

describe('the factory refuses', () => {
  it('an unknown schematic with 404 and its own message, without retrying', async () => {
    fixture = await startFixture();
    const url = `${fixture.standin.url}/image/${'f'.repeat(64)}/${VERSION}/metal-amd64.iso`;
    const attempt = downloadArtifact({ url, dest: fixture.dest, ...fast });
    await expect(attempt).rejects.toBeInstanceOf(FactoryRefusedError);
    const error = (await attempt.catch((e: unknown) => e)) as FactoryRefusedError;
    expect(error.status).toBe(404);
    expect(error.factoryMessage).toContain('not found');
    expect(error.hint).toMatch(/schematic/);
    expect(error.exitCode).toBe(ExitCode.factoryRefused);
    expect(getRequests(fixture.standin, '/image/')).toBe(1);
    expect(await sizeOf(fixture.dest)).toBe(-1);
  });

  it('says the download failed, with the reason, before the error reaches the caller', async () => {
    fixture = await startFixture();
    const url = `${fixture.standin.url}/image/${'f'.repeat(64)}/${VERSION}/metal-amd64.iso`;
    const events: DownloadEvent[] = [];
    const error = await downloadArtifact({
      url,
      dest: fixture.dest,
      onEvent: (e) => events.push(e),
      ...fast,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FactoryRefusedError);
    expect(events.at(-1)).toEqual({ type: 'failed', reason: (error as Error).message });
  });

  it('does not call a cancellation a failure', async () => {
    fixture = await startFixture();
    const events: DownloadEvent[] = [];
    const controller = new AbortController();
    controller.abort();
    const attempt = downloadArtifact({
      url: fixture.url,
      dest: fixture.dest,
      signal: controller.signal,
      onEvent: (e) => events.push(e),
      ...fast,
    });
    await expect(attempt).rejects.toMatchObject({ exitCode: ExitCode.cancelled });
    expect(events.some((e) => e.type === 'failed')).toBe(false);
  });

  it('an extension missing for that version with 400 and names the extension', async () => {
    fixture = await startFixture();
    const posted = await fetch(`${fixture.standin.url}/schematics`, {
      method: 'POST',
      body: 'customization:\n  systemExtensions:\n    officialExtensions:\n      - siderolabs/no-such-extension\n',
    });
    const { id } = (await posted.json()) as { id: string };
    const url = `${fixture.standin.url}/image/${id}/${VERSION}/metal-amd64.iso`;
    const error = (await downloadArtifact({ url, dest: fixture.dest, ...fast }).catch(
      (e: unknown) => e,
    )) as FactoryRefusedError;
    expect(error).toBeInstanceOf(FactoryRefusedError);
    expect(error.status).toBe(400);
    expect(error.message).toContain('siderolabs/no-such-extension');
    expect(error.hint).toMatch(/version/);
    expect(await sizeOf(fixture.dest)).toBe(-1);
  });

  it('leaves no empty .part behind when it refuses before sending a byte', async () => {
    fixture = await startFixture({
      faults: [
        {
          match: { method: 'GET', path: /^\/image\// },
          fault: { kind: 'status', status: 400, body: 'invalid profile path\n' },
        },
      ],
    });
    const error = await downloadArtifact({ url: fixture.url, dest: fixture.dest, ...fast }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FactoryRefusedError);
    expect(await sizeOf(partPathFor(fixture.dest))).toBe(-1);
  });
});
