import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { send, standin } from './helpers.js';

const catalogFile = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../src/standin/catalog/${name}`, import.meta.url), 'utf8'));

describe('GET /versions', () => {
  it('lists the catalogue versions ascending, as compact JSON with no Content-Type', async () => {
    const factory = await standin();
    const reply = await send(`${factory.url}/versions`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBeUndefined();
    expect(reply.text.endsWith(']\n')).toBe(true);
    const versions = JSON.parse(reply.text) as string[];
    expect(versions).toEqual(catalogFile('versions.json'));
    expect(versions).not.toContain('v1.13.1');
    // Pre-releases of older minors are never listed.
    expect(versions.filter((v) => v.includes('-')).every((v) => v.startsWith('v1.14.0-'))).toBe(
      true,
    );
  });

  it('returns the broken list for ?broken=true only', async () => {
    const factory = await standin();
    expect(JSON.parse((await send(`${factory.url}/versions?broken=true`)).text)).toEqual([
      'v1.13.1',
    ]);
    expect(JSON.parse((await send(`${factory.url}/versions?broken=1`)).text)).toContain('v1.13.0');
  });
});

describe('GET /version/:v/extensions/official', () => {
  it('serves the catalogue file unsorted, with or without the v', async () => {
    const factory = await standin();
    const withV = await send(`${factory.url}/version/v1.13.9/extensions/official`);
    const withoutV = await send(`${factory.url}/version/1.13.9/extensions/official`);
    expect(withV.status).toBe(200);
    expect(withV.headers['content-type']).toBeUndefined();
    expect(withoutV.text).toBe(withV.text);
    const entries = JSON.parse(withV.text) as { name: string }[];
    expect(entries).toEqual(catalogFile('extensions/v1.13.9.json'));
    const names = entries.map((e) => e.name);
    expect(names).not.toEqual([...names].sort());
    expect(Object.keys(entries[0] ?? {})).toEqual([
      'name',
      'ref',
      'digest',
      'author',
      'description',
    ]);
  });

  it('writes & the Go way in the one description that has it', async () => {
    const factory = await standin();
    const reply = await send(`${factory.url}/version/v1.10.9/extensions/official`);
    expect(reply.text).toContain('\\u0026');
    expect(reply.text).not.toContain('&');
  });

  it('serves a listed version without its own file from the nearest one of its minor line', async () => {
    const factory = await standin();
    const reply = await send(`${factory.url}/version/v1.13.4/extensions/official`);
    expect(JSON.parse(reply.text)).toEqual(catalogFile('extensions/v1.13.9.json'));
    const old = await send(`${factory.url}/version/v1.3.0/extensions/official`);
    expect(old.status).toBe(200);
  });

  it.each([
    ['v9.9.9', 404, 'version 9.9.9 is not available\n'],
    ['1.13.1', 404, 'version 1.13.1 is not available\n'],
    ['v1.5.0-alpha.0', 404, 'version 1.5.0-alpha.0 is not available\n'],
    ['latest', 500, 'internal server error\n'],
    ['v1.12', 500, 'internal server error\n'],
  ])('answers %s with %i', async (version, status, body) => {
    const factory = await standin();
    const reply = await send(`${factory.url}/version/${version}/extensions/official`);
    expect([reply.status, reply.text]).toEqual([status, body]);
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
  });
});

describe('GET /version/:v/overlays/official', () => {
  it('serves {name, image, ref, digest} from 1.7 on and [] below', async () => {
    const factory = await standin();
    const current = await send(`${factory.url}/version/v1.14.0-rc.1/overlays/official`);
    expect(JSON.parse(current.text)).toEqual(catalogFile('overlays/v1.14.0-alpha.1.json'));
    const old = await send(`${factory.url}/version/v1.6.8/overlays/official`);
    expect([old.status, old.text]).toEqual([200, '[]\n']);
    const missing = await send(`${factory.url}/version/v1.6.99/overlays/official`);
    expect(missing.status).toBe(404);
  });
});

describe('common behaviour', () => {
  it('stamps Server and X-Request-ID on every response and echoes a sent request ID', async () => {
    const factory = await standin({ serverVersion: 'v1.5.0' });
    const plain = await send(`${factory.url}/healthz`);
    expect(plain.headers.server).toBe('Image Factory v1.5.0');
    expect(plain.headers['x-request-id']).toMatch(/\S/);
    const echoed = await send(`${factory.url}/nowhere`, { headers: { 'X-Request-ID': 'req-42' } });
    expect(echoed.headers['x-request-id']).toBe('req-42');
    expect(echoed.headers.server).toBe('Image Factory v1.5.0');
  });

  it('answers an unknown route 404 and a wrong method 405 with Allow', async () => {
    const factory = await standin();
    const unknown = await send(`${factory.url}/no/such/route`);
    expect([unknown.status, unknown.text]).toEqual([404, '404 page not found\n']);
    const wrong = await send(`${factory.url}/versions`, { method: 'DELETE' });
    expect([wrong.status, wrong.text, wrong.headers.allow]).toEqual([
      405,
      'Method Not Allowed\n',
      'GET',
    ]);
  });

  it('answers /healthz and /readyz with 200 and an empty body, for GET and HEAD', async () => {
    const factory = await standin();
    for (const path of ['/healthz', '/readyz']) {
      for (const method of ['GET', 'HEAD']) {
        const reply = await send(`${factory.url}${path}`, { method });
        expect([reply.status, reply.body.length]).toEqual([200, 0]);
      }
    }
  });

  it('allows any origin to GET and HEAD, exposing the download headers, and nothing else', async () => {
    const factory = await standin();
    const simple = await send(`${factory.url}/versions`, {
      headers: { Origin: 'https://ui.example' },
    });
    expect(simple.headers['access-control-allow-origin']).toBe('*');
    expect(simple.headers['access-control-expose-headers']).toBe(
      'Content-Disposition, Content-Length, Content-Type',
    );
    const preflight = (method: string) =>
      send(`${factory.url}/schematics`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://ui.example', 'Access-Control-Request-Method': method },
      });
    const get = await preflight('GET');
    expect([get.status, get.headers['access-control-allow-methods']]).toEqual([204, 'GET']);
    const postPreflight = await preflight('POST');
    expect([postPreflight.status, postPreflight.headers['access-control-allow-origin']]).toEqual([
      204,
      undefined,
    ]);
  });

  it('refuses to listen beyond loopback', async () => {
    await expect(standin({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});
