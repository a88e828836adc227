import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CancelledError, FactoryRefusedError } from '../../../src/core/errors.js';
import {
  MANIFEST_ACCEPT,
  resolveInstallerDigest,
  tryResolveInstallerDigest,
} from '../../../src/core/installer/index.js';
import { waitUntil } from '../download/poll.js';
import { startStandin } from '../../../src/standin/server.js';
import type { RunningStandin, StandinOptions } from '../../../src/standin/types.js';
import { testHttp } from '../http/test-http.js';

const ID = '376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba';
const REPOSITORY = `metal-installer/${ID}`;
const TAG = 'v1.12.0';
const MANIFEST_PATH = `/v2/${REPOSITORY}/manifests/${TAG}`;

let standin: RunningStandin | undefined;
afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

async function start(options: StandinOptions = {}): Promise<RunningStandin> {
  standin = await startStandin({ schematics: ['customization: {}\n'], ...options });
  return standin;
}

function sha256(bytes: ArrayBuffer): string {
  return `sha256:${createHash('sha256').update(Buffer.from(bytes)).digest('hex')}`;
}

/** The anonymous token flow done by hand with fetch, to know the right digest independently. */
async function digestByHand(factoryUrl: string): Promise<string> {
  const headers = { accept: MANIFEST_ACCEPT };
  const first = await fetch(`${factoryUrl}${MANIFEST_PATH}`, { headers, redirect: 'manual' });
  if (first.status === 200) return sha256(await first.arrayBuffer());
  const target = new URL(first.headers.get('location') ?? '', factoryUrl);
  const challenged = await fetch(target, { headers });
  const params = Object.fromEntries(
    [...(challenged.headers.get('www-authenticate') ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(
      (m) => [m[1], m[2]],
    ),
  );
  const realm = new URL(params['realm'] ?? '');
  realm.searchParams.set('service', params['service'] ?? '');
  realm.searchParams.set('scope', params['scope'] ?? '');
  const { token } = (await (await fetch(realm)).json()) as { token: string };
  const manifest = await fetch(target, {
    headers: { ...headers, authorization: `Bearer ${token}` },
  });
  return sha256(await manifest.arrayBuffer());
}

describe('installer digest resolution', () => {
  it('reads Docker-Content-Digest in proxy mode and offers the pinned reference', async () => {
    const factory = await start({ registryMode: 'proxy' });
    const result = await resolveInstallerDigest({
      http: testHttp(),
      registryBase: factory.url,
      repository: REPOSITORY,
      tag: TAG,
    });

    expect(result.digest).toBe(await digestByHand(factory.url));
    expect(result.pinned).toBe(
      `${new URL(factory.url).host}/${REPOSITORY}:${TAG}@${result.digest}`,
    );
    const head = factory.requests.find((r) => r.method === 'HEAD' && r.url === MANIFEST_PATH);
    expect(head?.headers['accept']).toContain('application/vnd.oci.image.index.v1+json');
  });

  it('takes the digest from a 307 Location and answers the registry bearer challenge there only', async () => {
    const factory = await start({ registryMode: 'redirect' });
    const result = await resolveInstallerDigest({
      http: testHttp(),
      registryBase: factory.url,
      repository: REPOSITORY,
      tag: TAG,
    });

    expect(result.digest).toBe(await digestByHand(factory.url));
    const ours = factory.requests.slice(
      0,
      factory.requests.findIndex((r) => r.method === 'GET' && r.server === 'factory'),
    );
    expect(ours.some((r) => r.server === 'registry' && r.url.startsWith('/token?'))).toBe(true);
    const authorised = ours.filter((r) => r.headers['authorization'] !== undefined);
    expect(authorised.length).toBeGreaterThan(0);
    expect(authorised.every((r) => r.server === 'registry' && r.url.includes('/manifests/'))).toBe(
      true,
    );
    expect(ours.find((r) => r.url.startsWith('/token?'))?.headers['authorization']).toBeUndefined();
  });

  it('quotes the factory when it refuses an unknown schematic, and the lenient form says why', async () => {
    const factory = await start();
    const request = {
      http: testHttp(),
      registryBase: factory.url,
      repository: `metal-installer/${'e'.repeat(64)}`,
      tag: TAG,
    };
    const error = await resolveInstallerDigest(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FactoryRefusedError);
    expect((error as FactoryRefusedError).status).toBe(404);
    expect((error as FactoryRefusedError).factoryMessage).toContain('not found');

    const lenient = await tryResolveInstallerDigest(request);
    expect(lenient.digest).toBeUndefined();
    expect(lenient.pinned).toBeUndefined();
    expect(lenient.reason).toContain('not found');
  });

  it('reports a slow build and retries once after a timeout, finding the build finished', async () => {
    const factory = await start({ buildDelayMs: 1_200 });
    const building: number[] = [];
    const result = await resolveInstallerDigest({
      http: testHttp(),
      registryBase: factory.url,
      repository: REPOSITORY,
      tag: TAG,
      timeoutMs: 600,
      onEvent: (event) => building.push(event.elapsedMs),
    });
    expect(result.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(building.length).toBeGreaterThan(0);
    expect(
      factory.requests.filter((r) => r.method === 'HEAD' && r.url === MANIFEST_PATH).length,
    ).toBe(2);
  });

  it('lets cancellation through even in the lenient form', async () => {
    const factory = await start({ buildDelayMs: 60_000 });
    const controller = new AbortController();
    const pending = tryResolveInstallerDigest({
      http: testHttp(),
      registryBase: factory.url,
      repository: REPOSITORY,
      tag: TAG,
      signal: controller.signal,
    });
    const seen = (): boolean => factory.requests.some((r) => r.url === MANIFEST_PATH);
    await waitUntil(seen, 'the manifest request reached the factory');
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
  });
});
