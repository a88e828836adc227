import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { UserInputError } from '../../../src/core/errors.js';
import { createHttp } from '../../../src/core/http/index.js';

// A loopback "proxy" that records CONNECT requests and refuses them, so the test sees where
// the client tried to go without any traffic leaving the machine.
async function startRecordingProxy() {
  const connects: string[] = [];
  const server = createServer((_req, res) => res.writeHead(502).end());
  server.on('connect', (req, socket) => {
    connects.push(req.url ?? '');
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('createHttp', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  it('tunnels https requests through HTTPS_PROXY from the injected env', async () => {
    const proxy = await startRecordingProxy();
    cleanups.push(proxy.close);
    const http = createHttp({ env: { HTTPS_PROXY: proxy.url } });
    await expect(http.got('https://factory.invalid/versions')).rejects.toThrow();
    expect(proxy.connects).toEqual(['factory.invalid:443']);
  });

  it('goes direct to loopback even when a proxy is set', async () => {
    const proxy = await startRecordingProxy();
    cleanups.push(proxy.close);
    const target = createServer((_req, res) => res.end('direct'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => target.close(() => resolve())));
    const { port } = target.address() as AddressInfo;
    const http = createHttp({ env: { HTTP_PROXY: proxy.url, ALL_PROXY: proxy.url } });
    const body = await http.got(`http://127.0.0.1:${port}/`).text();
    expect(body).toBe('direct');
    expect(proxy.connects).toEqual([]);
  });

  it('refuses plain http to a remote host before connecting', async () => {
    const http = createHttp();
    await expect(http.got('http://factory.talos.dev/versions')).rejects.toBeInstanceOf(
      UserInputError,
    );
  });

  it('refuses a redirect to plain http on a remote host', async () => {
    const redirecting = createServer((_req, res) =>
      res.writeHead(302, { location: 'http://cdn.invalid/asset.iso' }).end(),
    );
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => redirecting.close(() => resolve())));
    const { port } = redirecting.address() as AddressInfo;
    const error = await createHttp()
      .got(`http://127.0.0.1:${port}/image`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as UserInputError).message).toContain('http://cdn.invalid');
  });
});
