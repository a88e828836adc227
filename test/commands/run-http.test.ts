import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRunHttp } from '../../src/commands/run-http.js';
import { createFactoryClient } from '../../src/core/factory/index.js';
import { headContentLength } from '../../src/core/verify/index.js';

// A loopback factory that answers the version list and a HEAD, noting who asked.
async function startRecordingFactory() {
  const userAgents: string[] = [];
  const server = createServer((req, res) => {
    userAgents.push(req.headers['user-agent'] ?? '(none)');
    if (req.url === '/versions') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('["v1.12.0"]');
      return;
    }
    res.writeHead(200, { 'content-length': '1024' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    userAgents,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("a command run's one HTTP layer", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  it('names the tool version on every request, factory API and artifact alike', async () => {
    const factory = await startRecordingFactory();
    close = factory.close;
    const http = createRunHttp({}, '1.2.3');
    const client = createFactoryClient({ baseUrl: factory.url, http });
    expect(await client.listVersions()).toEqual(['v1.12.0']);
    expect(
      await headContentLength(`${factory.url}/image/x/v1.12.0/metal-amd64.iso`, { http }),
    ).toBe(1024);
    expect(factory.userAgents).toEqual(['talos-release/1.2.3', 'talos-release/1.2.3']);
  });
});
