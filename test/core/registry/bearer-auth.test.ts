// The bearer-token flow, against a small registry and token service written here (distribution
// 2.8's token auth needs a signing certificate setup that adds nothing to what is checked): the
// scopes asked for, Basic credentials or the OAuth2 refresh grant at the realm, tokens reused per
// scope, and credentials kept to the registry's own host and its own realm.
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { RegistryRefusedError, UserInputError } from '../../../src/core/errors.js';
import { createHttp } from '../../../src/core/http/index.js';
import {
  createRegistryClient,
  parseRegistryDestination,
} from '../../../src/core/registry/index.js';
import type { CredentialSource, RegistryCredential } from '../../../src/core/registry/index.js';
import { bufferBlob } from './helpers.js';

interface Seen {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    ),
  );
});

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function listen(
  handler: (
    seen: Seen,
    reply: (status: number, headers?: Record<string, string>, text?: string) => void,
  ) => void,
): Promise<{ host: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    void body(request).then((text) => {
      const entry = {
        method: request.method ?? '',
        path: request.url ?? '',
        authorization: request.headers.authorization,
        body: text,
      };
      seen.push(entry);
      handler(entry, (status, headers = {}, reply = '') => {
        response.writeHead(status, headers);
        response.end(reply);
      });
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { host: `127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function credentials(
  credential: RegistryCredential | undefined,
  hosts: string[] = [],
): CredentialSource & { asked: string[] } {
  const asked: string[] = [];
  return {
    configPath: '/home/op/.docker/config.json',
    asked,
    credentialFor: async (host) => {
      asked.push(host);
      return hosts.length === 0 || hosts.includes(host) ? credential : undefined;
    },
  };
}

/** A token service: Basic alice:pw or refresh token "refresh-1" → a token naming the scopes. */
async function tokenService(): Promise<{ host: string; seen: Seen[] }> {
  return listen((seen, reply) => {
    const url = new URL(seen.path, 'http://x');
    if (seen.method === 'GET') {
      if (
        seen.authorization !== undefined &&
        seen.authorization !== `Basic ${Buffer.from('alice:pw').toString('base64')}`
      ) {
        reply(401, {}, '{"details":"bad credentials"}');
        return;
      }
      reply(
        200,
        { 'content-type': 'application/json' },
        JSON.stringify({ token: `tok:${url.searchParams.getAll('scope').join('+')}` }),
      );
      return;
    }
    const form = new URLSearchParams(seen.body);
    if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== 'refresh-1') {
      reply(401);
      return;
    }
    reply(
      200,
      { 'content-type': 'application/json' },
      JSON.stringify({ access_token: `tok:${(form.get('scope') ?? '').replace(/ /g, '+')}` }),
    );
  });
}

/** A registry that wants `Bearer tok:<scopes>` covering the repository it is asked about. */
async function bearerRegistry(realm: string): Promise<{ host: string; seen: Seen[] }> {
  return listen((seen, reply) => {
    const repository = /^\/v2\/(.+?)\/(blobs|manifests)\//.exec(seen.path)?.[1] ?? '';
    if (
      !seen.authorization?.startsWith('Bearer tok:') ||
      !seen.authorization.includes(`repository:${repository}:`)
    ) {
      reply(401, {
        'www-authenticate': `Bearer realm="${realm}",service="test-registry",scope="repository:${repository}:pull"`,
      });
      return;
    }
    if (seen.method === 'HEAD') reply(404);
    else if (seen.method === 'POST' && seen.path.includes('mount=')) reply(201);
    else reply(404);
  });
}

describe('bearer token flow', () => {
  it('asks the realm with Basic credentials for exactly the scopes needed, and reuses the token', async () => {
    const tokens = await tokenService();
    const registry = await bearerRegistry(`http://${tokens.host}/token`);
    const store = credentials({ kind: 'basic', username: 'alice', password: 'pw' });
    const client = createRegistryClient({
      http: createHttp(),
      destination: parseRegistryDestination(`${registry.host}/team`, { insecure: true }),
      credentials: store,
    });
    const blob = bufferBlob(Buffer.from('x'));
    expect(await client.hasBlob('team/x', blob.descriptor)).toBe(false);
    expect(await client.hasBlob('team/x', blob.descriptor)).toBe(false);
    expect(await client.mountBlob?.('team/y', blob.descriptor, 'team/x')).toBe(true);
    const scopes = tokens.seen.map((seen) =>
      new URL(seen.path, 'http://x').searchParams.getAll('scope'),
    );
    expect(scopes).toEqual([
      ['repository:team/x:pull'],
      ['repository:team/y:pull,push', 'repository:team/x:pull'],
    ]);
    expect(tokens.seen.every((seen) => seen.authorization?.startsWith('Basic '))).toBe(true);
    expect(new URL(tokens.seen[0]?.path ?? '', 'http://x').searchParams.get('service')).toBe(
      'test-registry',
    );
    // The second HEAD went straight out with the cached token: no second 401.
    expect(
      registry.seen.filter((seen) => seen.method === 'HEAD').map((seen) => seen.authorization),
    ).toEqual([
      undefined,
      'Bearer tok:repository:team/x:pull',
      'Bearer tok:repository:team/x:pull',
    ]);
    expect(store.asked).toEqual([registry.host]);
  });

  it('trades an identity token with the OAuth2 refresh grant', async () => {
    const tokens = await tokenService();
    const registry = await bearerRegistry(`http://${tokens.host}/token`);
    const client = createRegistryClient({
      http: createHttp(),
      destination: parseRegistryDestination(`${registry.host}/team`, { insecure: true }),
      credentials: credentials({ kind: 'identity-token', token: 'refresh-1' }),
    });
    expect(await client.hasBlob('team/x', bufferBlob(Buffer.from('x')).descriptor)).toBe(false);
    const form = new URLSearchParams(tokens.seen[0]?.body ?? '');
    expect(tokens.seen[0]?.method).toBe('POST');
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-1',
      client_id: 'talos-release',
      service: 'test-registry',
      scope: 'repository:team/x:pull',
    });
  });

  it('refuses with exit 3 when the realm rejects the credentials, without the password', async () => {
    const tokens = await tokenService();
    const registry = await bearerRegistry(`http://${tokens.host}/token`);
    const client = createRegistryClient({
      http: createHttp(),
      destination: parseRegistryDestination(`${registry.host}/team`, { insecure: true }),
      credentials: credentials({ kind: 'basic', username: 'alice', password: 'not-pw-5521' }),
    });
    const failure = await client
      .hasBlob('team/x', bufferBlob(Buffer.from('x')).descriptor)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RegistryRefusedError);
    expect((failure as RegistryRefusedError).exitCode).toBe(3);
    expect((failure as RegistryRefusedError).hint).toContain('/home/op/.docker/config.json');
    expect(`${(failure as Error).message} ${(failure as RegistryRefusedError).hint}`).not.toContain(
      'not-pw-5521',
    );
  });

  it('will not send credentials to a realm over plain http on another machine', async () => {
    const registry = await bearerRegistry('http://tokens.example.com/token');
    const client = createRegistryClient({
      http: createHttp(),
      destination: parseRegistryDestination(`${registry.host}/team`, { insecure: true }),
      credentials: credentials({ kind: 'basic', username: 'alice', password: 'pw' }),
    });
    const failure = await client
      .hasBlob('team/x', bufferBlob(Buffer.from('x')).descriptor)
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UserInputError);
    expect((failure as Error).message).toContain('token realm');
  });

  it('sends no Authorization to an upload Location on another host', async () => {
    const storage = await listen((seen, reply) => {
      if (seen.method === 'PATCH')
        reply(202, { location: '/upload/2?_state=def%3D', range: '0-0' });
      else if (seen.method === 'PUT') reply(201);
      else reply(404);
    });
    const registry = await listen((seen, reply) => {
      if (seen.authorization !== `Basic ${Buffer.from('alice:pw').toString('base64')}`) {
        reply(401, { 'www-authenticate': 'Basic realm="test"' });
      } else if (seen.method === 'POST') {
        reply(202, { location: `http://${storage.host}/upload/1?_state=abc` });
      } else reply(404);
    });
    const client = createRegistryClient({
      http: createHttp(),
      destination: parseRegistryDestination(`${registry.host}/team`, { insecure: true }),
      credentials: credentials({ kind: 'basic', username: 'alice', password: 'pw' }),
    });
    const blob = bufferBlob(Buffer.from('y'));
    await client.putBlob('team/x', blob.descriptor, blob.open);
    expect(storage.seen.map((seen) => seen.method)).toEqual(['PATCH', 'PUT']);
    expect(storage.seen.every((seen) => seen.authorization === undefined)).toBe(true);
    // A relative Location resolves against the host that sent it; its query survives as written,
    // with the digest appended.
    expect(storage.seen[0]?.path).toBe('/upload/1?_state=abc');
    expect(storage.seen[1]?.path).toBe(
      `/upload/2?_state=def%3D&digest=${encodeURIComponent(blob.descriptor.digest)}`,
    );
  });
});
