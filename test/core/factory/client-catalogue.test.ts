import { describe, expect, it } from 'vitest';
import { FactoryRefusedError, NetworkError } from '../../../src/core/errors.js';
import { latestStable } from '../../../src/core/versions/index.js';
import { BROKEN_VERSIONS, LISTED_VERSIONS } from '../../../src/standin/catalog.js';
import { rejectionOf, useStandin } from './standin-fixture.js';

describe('factory client: catalogue', () => {
  const start = useStandin();

  it('lists versions and the broken list, without relying on Content-Type', async () => {
    const { client } = await start();
    expect(await client.listVersions()).toEqual(LISTED_VERSIONS);
    expect(await client.listBrokenVersions()).toEqual(BROKEN_VERSIONS);
  });

  it('lists the extensions and overlays of a version', async () => {
    const { client } = await start();
    const version = latestStable(LISTED_VERSIONS) ?? '';
    const extensions = await client.listExtensions(version);
    expect(extensions.length).toBeGreaterThan(0);
    expect(extensions.map((e) => e.name)).toContain('siderolabs/gvisor');
    for (const extension of extensions) expect(extension.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const overlays = await client.listOverlays(version);
    expect(overlays.map((o) => o.name)).toContain('rpi_generic');
  });

  it('reports an unknown version as a refusal with the factory message and a hint', async () => {
    const { client } = await start();
    const error = await rejectionOf(client.listExtensions('v9.9.9'));
    expect(error).toBeInstanceOf(FactoryRefusedError);
    const refused = error as FactoryRefusedError;
    expect(refused.status).toBe(404);
    expect(refused.factoryMessage).toContain('9.9.9 is not available');
    expect(refused.message).toContain('unknown Talos version');
    expect(refused.message).toContain('/version/v9.9.9/extensions/official');
    expect(refused.hint).toContain('Pick a version');
  });

  it('gives up on a malformed version after the retries, since the factory answers 500', async () => {
    const { client, standin } = await start({}, { retries: 1 });
    const error = await rejectionOf(client.listOverlays('not-a-version'));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toContain('500');
    expect(standin.requests.filter((r) => r.url.includes('not-a-version'))).toHaveLength(2);
  });

  it('names the route when the answer is not what the factory sends', async () => {
    const { client } = await start({
      faults: [
        {
          match: { path: '/versions' },
          fault: { kind: 'status', status: 200, body: '<html>login</html>' },
        },
      ],
    });
    const error = await rejectionOf(client.listVersions());
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toContain('malformed answer to GET /versions');
  });

  it('asks for each catalogue once per run, and again after a failure', async () => {
    const { client, standin } = await start(
      {
        faults: [
          { match: { path: '/versions' }, fault: { kind: 'status', status: 503 }, times: 1 },
        ],
      },
      { retries: 0 },
    );
    await expect(client.listVersions()).rejects.toBeInstanceOf(NetworkError);
    const first = await client.listVersions();
    first.reverse();
    expect(await client.listVersions()).toEqual(LISTED_VERSIONS);
    expect(standin.requests.filter((r) => r.url === '/versions')).toHaveLength(2);
  });
});
