// The HEAD that verify --online and preflight use to learn an asset's size, against the stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancelledError, FactoryRefusedError, NetworkError } from '../../../src/core/errors.js';
import { headContentLength } from '../../../src/core/verify/index.js';
import { startStandin } from '../../../src/standin/server.js';
import type { RunningStandin } from '../../../src/standin/types.js';
import { testHttp } from '../http/test-http.js';

const IMAGE_SIZE = 7_777;
const VANILLA = 'customization: {}\n';
const VANILLA_ID = '376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba';

let standin: RunningStandin;

beforeAll(async () => {
  standin = await startStandin({ imageSize: IMAGE_SIZE, schematics: [VANILLA] });
});
afterAll(() => standin.close());

const isoUrl = (id: string, name = 'metal-amd64.iso') =>
  `${standin.url}/image/${id}/v1.12.4/${name}`;
const quick = { http: testHttp(), retries: 1, backoffMs: 1 };

describe('headContentLength', () => {
  it('returns the size the factory announces, without downloading', async () => {
    const from = standin.requests.length;
    expect(await headContentLength(isoUrl(VANILLA_ID), quick)).toBe(IMAGE_SIZE);
    expect(standin.requests.slice(from).map((request) => request.method)).toEqual(['HEAD']);
  });

  it('quotes the factory’s own reason for a refusal, read with a GET', async () => {
    const unknown = 'a'.repeat(64);
    const error = await headContentLength(isoUrl(unknown), quick).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FactoryRefusedError);
    expect((error as FactoryRefusedError).status).toBe(404);
    expect((error as FactoryRefusedError).factoryMessage).toContain(unknown);
  });

  it('retries a 5xx and then gives up with a NetworkError', async () => {
    const url = isoUrl(VANILLA_ID, 'nocloud-amd64.iso');
    standin.addFault({
      match: { method: 'HEAD', path: new URL(url).pathname },
      fault: { kind: 'status', status: 503 },
    });
    const from = standin.requests.length;
    await expect(headContentLength(url, quick)).rejects.toBeInstanceOf(NetworkError);
    expect(standin.requests.slice(from)).toHaveLength(2);
  });

  it('stops with a CancelledError when the run is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      headContentLength(isoUrl(VANILLA_ID), { ...quick, signal: controller.signal }),
    ).rejects.toBeInstanceOf(CancelledError);
  });
});
