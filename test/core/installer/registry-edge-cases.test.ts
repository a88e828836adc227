import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FactoryRefusedError, IntegrityError } from '../../../src/core/errors.js';
import { resolveInstallerDigest } from '../../../src/core/installer/index.js';
import { testHttp } from '../http/test-http.js';

// Behaviours the stand-in does not show but real registries can: a proxy that drops
// Docker-Content-Digest, a host that challenges on the first hop, a target that disagrees with the
// redirect. Each is a tiny loopback server.
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

type Handler = (req: IncomingMessage, res: ServerResponse, base: string) => void;

async function serve(handler: Handler): Promise<{ base: string; seen: string[] }> {
  const seen: string[] = [];
  let base = '';
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    handler(req, res, base);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { base, seen };
}

const INDEX = Buffer.from(
  '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[]}',
);
const INDEX_DIGEST = `sha256:${createHash('sha256').update(INDEX).digest('hex')}`;
const request = (base: string) => ({
  http: testHttp(),
  registryBase: base,
  repository: 'metal-installer/abc',
  tag: 'v1.12.0',
});

describe('installer digest resolution at the edges', () => {
  it('hashes the manifest itself when a proxy drops Docker-Content-Digest', async () => {
    const { base, seen } = await serve((req, res) => {
      res.writeHead(200, {
        'content-type': 'application/vnd.oci.image.index.v1+json',
        'content-length': INDEX.length,
      });
      res.end(req.method === 'GET' ? INDEX : undefined);
    });
    const result = await resolveInstallerDigest(request(base));
    expect(result.digest).toBe(INDEX_DIGEST);
    expect(seen).toEqual([
      'HEAD /v2/metal-installer/abc/manifests/v1.12.0',
      'GET /v2/metal-installer/abc/manifests/v1.12.0',
    ]);
  });

  it('does not answer a bearer challenge from the factory host itself', async () => {
    const { base, seen } = await serve((req, res, self) => {
      if (req.url?.startsWith('/token')) {
        res.end('{"token":"should-never-be-asked"}');
        return;
      }
      res.writeHead(401, {
        'www-authenticate': `Bearer realm="${self}/token",service="x",scope="repository:a:pull"`,
      });
      res.end('authentication required\n');
    });
    const error = await resolveInstallerDigest(request(base)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FactoryRefusedError);
    expect((error as FactoryRefusedError).status).toBe(401);
    expect(seen.some((line) => line.includes('/token'))).toBe(false);
  });

  it('fails when the redirect target serves another digest than the Location named', async () => {
    const other = `sha256:${'0'.repeat(64)}`;
    const target = await serve((_req, res) => {
      res.writeHead(200, { 'docker-content-digest': other, 'content-length': 0 });
      res.end();
    });
    const factory = await serve((_req, res) => {
      res.writeHead(307, {
        location: `${target.base}/v2/backing/metal-installer/abc/manifests/${INDEX_DIGEST}`,
      });
      res.end();
    });
    const error = await resolveInstallerDigest(request(factory.base)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as IntegrityError).message).toContain(INDEX_DIGEST);
  });
});
