import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { VANILLA_ID, download, send, standin } from './helpers.js';

const SIZE = 3 * 1024 * 1024;
const ISO = `/image/${VANILLA_ID}/v1.12.0/metal-amd64.iso`;

describe('fault injection', () => {
  it('answers an injected status N times, then the real response', async () => {
    const factory = await standin({
      faults: [{ match: { path: '/versions' }, fault: { kind: 'status', status: 503 }, times: 2 }],
    });
    const first = await send(`${factory.url}/versions`);
    expect([first.status, first.text]).toEqual([503, 'service temporarily unavailable\n']);
    expect((await send(`${factory.url}/versions`)).status).toBe(503);
    expect((await send(`${factory.url}/versions`)).status).toBe(200);
  });

  it('matches by method and by regular expression, and takes faults added while running', async () => {
    const factory = await standin({ schematics: ['{}'] });
    factory.addFault({
      match: { method: 'HEAD', path: /\/metal-amd64\.iso$/ },
      fault: { kind: 'status', status: 500, body: 'boom' },
    });
    expect((await send(`${factory.url}${ISO}`, { method: 'HEAD' })).status).toBe(500);
    expect((await send(`${factory.url}${ISO}`)).status).toBe(200);
    const again = await send(`${factory.url}${ISO}`, { method: 'HEAD' });
    expect([again.status, again.text]).toEqual([500, '']);
  });

  it('resets the connection after K bytes, short of Content-Length', async () => {
    const factory = await standin({
      imageSize: SIZE,
      schematics: ['{}'],
      faults: [{ match: { path: ISO }, fault: { kind: 'reset', afterBytes: 1_500_000 }, times: 1 }],
    });
    const broken = await download(`${factory.url}${ISO}`);
    expect(broken.headers['content-length']).toBe(String(SIZE));
    expect(broken.outcome).not.toBe('complete');
    expect(broken.received).toBeLessThanOrEqual(1_500_000);
    const retried = await download(`${factory.url}${ISO}`);
    expect([retried.outcome, retried.received]).toEqual(['complete', SIZE]);
  });

  it('truncates: ends the connection cleanly after K bytes while promising the full length', async () => {
    const factory = await standin({
      imageSize: SIZE,
      schematics: ['{}'],
      faults: [{ match: { path: ISO }, fault: { kind: 'truncate', afterBytes: 1_234_567 } }],
    });
    const short = await download(`${factory.url}${ISO}`);
    expect(short.headers['content-length']).toBe(String(SIZE));
    expect(short.received).toBe(1_234_567);
    expect(short.outcome).not.toBe('complete');
  });

  it('stalls after K bytes for a while, then finishes the body', async () => {
    const factory = await standin({
      imageSize: SIZE,
      schematics: ['{}'],
      faults: [{ match: { path: ISO }, fault: { kind: 'stall', afterBytes: 1000, ms: 20 } }],
    });
    const slow = await download(`${factory.url}${ISO}`);
    expect([slow.outcome, slow.received]).toEqual(['complete', SIZE]);
  });

  it('stalls after K bytes until closed when no duration is given', async () => {
    const factory = await standin({
      imageSize: SIZE,
      schematics: ['{}'],
      faults: [{ match: { path: ISO }, fault: { kind: 'stall', afterBytes: 70_000 } }],
    });
    let received = 0;
    const ended = new Promise<void>((resolve) => {
      const req = request(`${factory.url}${ISO}`, (res) => {
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
        });
        res.on('close', () => resolve());
      });
      req.on('error', () => resolve());
      req.end();
    });
    await expect.poll(() => received).toBe(70_000);
    // Nothing more arrives while the stand-in holds the connection; closing it ends the stall.
    expect((await send(`${factory.url}/healthz`)).status).toBe(200);
    expect(received).toBe(70_000);
    await factory.close();
    await ended;
    expect(received).toBe(70_000);
  });

  it('delays only the matching requests it is told to', async () => {
    const factory = await standin({
      faults: [{ match: { path: '/versions' }, fault: { kind: 'delay', ms: 60_000 }, times: 1 }],
    });
    let firstDone = false;
    const first = send(`${factory.url}/versions`).then(() => {
      firstDone = true;
    });
    await expect.poll(() => factory.requests.length).toBe(1);
    const second = await send(`${factory.url}/versions`);
    expect(second.status).toBe(200);
    expect(firstDone).toBe(false);
    await factory.close();
    await first.catch(() => undefined);
  });

  it('applies an /image rule to the /cdn hop, which the body-less 302 does not use up', async () => {
    const factory = await standin({
      imageSize: SIZE,
      imageDelivery: 'redirect',
      schematics: ['{}'],
      faults: [
        {
          match: { method: 'GET', path: ISO },
          fault: { kind: 'truncate', afterBytes: 10 },
          times: 1,
        },
      ],
    });
    const redirect = await send(`${factory.url}${ISO}`);
    expect(redirect.status).toBe(302);
    const cdn = await download(redirect.headers.location ?? '', { Range: 'bytes=100-' });
    expect([cdn.status, cdn.received]).toEqual([206, 10]);
    expect(cdn.outcome).not.toBe('complete');
    const again = await download(redirect.headers.location ?? '');
    expect([again.outcome, again.received]).toEqual(['complete', SIZE]);
  });

  it('faults the second registry only when a rule names it', async () => {
    const factory = await standin({
      faults: [
        { match: { path: '/token', server: 'registry' }, fault: { kind: 'status', status: 503 } },
      ],
    });
    expect((await send(`${factory.registryUrl}/token?service=x&scope=y`)).status).toBe(503);
    expect((await send(`${factory.url}/token`)).status).toBe(404);
  });
});
