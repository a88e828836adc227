import { describe, expect, it } from 'vitest';
import {
  CancelledError,
  FactoryRefusedError,
  NetworkError,
  UserInputError,
} from '../../../src/core/errors.js';
import { createFactoryClient, resolveFactoryUrl } from '../../../src/core/factory/index.js';
import { LISTED_VERSIONS } from '../../../src/standin/catalog.js';
import { rejectionOf, useStandin } from './standin-fixture.js';
import { testHttp } from '../http/test-http.js';

describe('factory client: retries and refusals', () => {
  const start = useStandin();

  it('retries 503 twice and then succeeds', async () => {
    const { client, standin } = await start({
      faults: [{ match: { path: '/versions' }, fault: { kind: 'status', status: 503 }, times: 2 }],
    });
    expect(await client.listVersions()).toEqual(LISTED_VERSIONS);
    expect(standin.requests.filter((r) => r.url === '/versions')).toHaveLength(3);
  });

  it('turns a factory that stays unavailable into a NetworkError after the bounded retries', async () => {
    const { client, standin } = await start(
      {
        faults: [
          {
            match: { path: '/versions' },
            fault: { kind: 'status', status: 503, body: 'service temporarily unavailable' },
          },
        ],
      },
      { retries: 2 },
    );
    const error = await rejectionOf(client.listVersions());
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toContain('503');
    expect((error as NetworkError).message).toContain('service temporarily unavailable');
    expect((error as NetworkError).message).toContain('3 attempts');
    expect((error as NetworkError).hint).toContain('try again later');
    expect(standin.requests).toHaveLength(3);
  });

  it('retries a reset connection', async () => {
    const { client, standin } = await start({
      faults: [{ match: { path: '/versions' }, fault: { kind: 'reset', afterBytes: 0 }, times: 1 }],
    });
    expect(await client.listVersions()).toEqual(LISTED_VERSIONS);
    expect(standin.requests).toHaveLength(2);
  });

  it('does not retry a 404', async () => {
    const { client, standin } = await start();
    await expect(client.listExtensions('v9.9.9')).rejects.toBeInstanceOf(FactoryRefusedError);
    expect(standin.requests).toHaveLength(1);
  });

  it('treats a timeout as transient and reports it after the retries', async () => {
    const { client, standin } = await start(
      { faults: [{ match: { path: '/versions' }, fault: { kind: 'delay', ms: 2_000 } }] },
      { timeoutMs: 100, retries: 1 },
    );
    const error = await rejectionOf(client.listVersions());
    expect(error).toBeInstanceOf(NetworkError);
    expect(standin.requests).toHaveLength(2);
  });

  it('stops with CancelledError when the run is cancelled during a request', async () => {
    const controller = new AbortController();
    const { client, standin } = await start(
      { faults: [{ match: { path: '/versions' }, fault: { kind: 'delay', ms: 10_000 } }] },
      { signal: controller.signal },
    );
    const pending = rejectionOf(client.listVersions());
    // Abort once the stand-in has the request, so the cancellation hits a request in flight.
    await expect.poll(() => standin.requests.length).toBe(1);
    controller.abort();
    expect(await pending).toBeInstanceOf(CancelledError);
    expect(standin.requests).toHaveLength(1);
  });

  it('stops with CancelledError when cancelled before the request', async () => {
    const controller = new AbortController();
    controller.abort();
    const { client, standin } = await start({}, { signal: controller.signal });
    expect(await rejectionOf(client.listVersions())).toBeInstanceOf(CancelledError);
    expect(standin.requests).toHaveLength(0);
  });
});

describe('factory URL', () => {
  it('refuses plain http to a host that is not loopback', () => {
    expect(() =>
      createFactoryClient({ http: testHttp(), baseUrl: 'http://factory.talos.dev' }),
    ).toThrow(UserInputError);
  });

  it.each<[string | undefined, NodeJS.ProcessEnv, string]>([
    [undefined, {}, 'https://factory.talos.dev'],
    [
      undefined,
      { TALOS_FACTORY_URL: 'https://factory.example.com/' },
      'https://factory.example.com',
    ],
    [
      'http://127.0.0.1:8080/',
      { TALOS_FACTORY_URL: 'https://factory.example.com' },
      'http://127.0.0.1:8080',
    ],
    ['', { TALOS_FACTORY_URL: 'https://f.example.com/prefix//' }, 'https://f.example.com/prefix'],
  ])('flag %s with env %o → %s', (flag, env, expected) => {
    expect(resolveFactoryUrl(flag, env)).toBe(expected);
  });

  it('refuses a factory URL with credentials, which would end up in every manifest', () => {
    expect(() => resolveFactoryUrl('https://me:secret@factory.example.com')).toThrow(
      UserInputError,
    );
    try {
      resolveFactoryUrl('https://me:secret@factory.example.com');
    } catch (error) {
      expect((error as Error).message).not.toContain('secret');
    }
  });

  it('names the variable that holds a refused URL', () => {
    expect(() => resolveFactoryUrl(undefined, { TALOS_FACTORY_URL: 'http://10.1.2.3' })).toThrow(
      /TALOS_FACTORY_URL/,
    );
  });
});
