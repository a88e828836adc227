// Real registries hand out anonymous tokens that live about a minute, and a copy of an installer
// can take longer: a token that stops working is replaced, not reported as a refusal. A factory
// that redirects to a registry whose tokens each open one request only shows it quickly.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FactoryRefusedError } from '../../../src/core/errors.js';
import { factoryRegistrySource, sha256Digest } from '../../../src/core/oci/index.js';
import { testHttp } from '../http/test-http.js';
import { readAll } from './helpers.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const BLOB = Buffer.from('layer bytes '.repeat(100));
const DIGEST = sha256Digest(BLOB);

/** A registry whose tokens open one request each (`refuseAll`: it refuses every token). */
async function oneShotRegistry(refuseAll = false) {
  let issued = 0;
  const valid = new Set<string>();
  const url = await listen(
    createServer((req, res) => {
      if (req.url?.startsWith('/token')) {
        issued += 1;
        const token = `t${issued}`;
        valid.add(token);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token }));
        return;
      }
      const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (refuseAll || !valid.delete(token)) {
        res
          .writeHead(401, {
            'www-authenticate': `Bearer realm="${url}/token",service="test",scope="repository:r:pull"`,
          })
          .end('{"errors":[{"code":"UNAUTHORIZED"}]}');
        return;
      }
      res.writeHead(200, { 'content-length': BLOB.length }).end(BLOB);
    }),
  );
  return { url, issued: () => issued };
}

async function redirectingFactory(registryUrl: string): Promise<string> {
  return listen(
    createServer((req, res) => {
      res.writeHead(307, { location: `${registryUrl}${req.url ?? ''}` }).end();
    }),
  );
}

describe('the factory source and expiring registry tokens', () => {
  it('replaces a token the registry stopped accepting', async () => {
    const registry = await oneShotRegistry();
    const source = factoryRegistrySource({
      http: testHttp(),
      registryBase: await redirectingFactory(registry.url),
      repository: 'metal-installer/abc',
    });
    const descriptor = { mediaType: 'x', digest: DIGEST, size: BLOB.length };
    expect(await readAll(await source.blob(descriptor)(0))).toEqual(BLOB);
    expect(await readAll(await source.blob(descriptor)(0))).toEqual(BLOB);
    expect(registry.issued()).toBe(2);
  });

  it('gives up after one new token when the registry refuses every token (exit 3)', async () => {
    const registry = await oneShotRegistry(true);
    const source = factoryRegistrySource({
      http: testHttp(),
      registryBase: await redirectingFactory(registry.url),
      repository: 'metal-installer/abc',
    });
    const error = await source
      .blob({ mediaType: 'x', digest: DIGEST, size: BLOB.length })(0)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FactoryRefusedError);
    expect((error as FactoryRefusedError).exitCode).toBe(3);
    expect(registry.issued()).toBe(1);
  });
});
