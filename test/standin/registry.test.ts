import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VANILLA_ID, send, standin } from './helpers.js';

const ACCEPT =
  'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json';
const sha256 = (bytes: Buffer): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

interface Index {
  readonly mediaType: string;
  readonly manifests: readonly { platform: { os: string; architecture: string }; digest: string }[];
}

describe('registry frontend, proxy mode', () => {
  it('answers the /v2 ping with 200 and no challenge', async () => {
    const factory = await standin();
    for (const path of ['/v2', '/v2/']) {
      for (const method of ['GET', 'HEAD']) {
        const reply = await send(`${factory.url}${path}`, { method });
        expect(reply.status).toBe(200);
        expect(reply.headers['www-authenticate']).toBeUndefined();
      }
    }
  });

  it.each(['metal-installer', 'installer', 'installer-secureboot', 'aws-installer-secureboot'])(
    'serves an amd64 + arm64 index for %s, digest = sha256 of the bytes',
    async (image) => {
      const factory = await standin({ schematics: ['{}'] });
      const url = `${factory.url}/v2/${image}/${VANILLA_ID}/manifests/v1.12.0`;
      const get = await send(url, { headers: { Accept: ACCEPT } });
      expect(get.status).toBe(200);
      expect(get.headers['content-type']).toBe('application/vnd.oci.image.index.v1+json');
      expect(get.headers['docker-content-digest']).toBe(sha256(get.body));
      const index = JSON.parse(get.text) as Index;
      expect(index.manifests.map((m) => `${m.platform.os}/${m.platform.architecture}`)).toEqual([
        'linux/amd64',
        'linux/arm64',
      ]);
      const head = await send(url, { method: 'HEAD', headers: { Accept: ACCEPT } });
      expect(head.status).toBe(200);
      expect(head.headers['docker-content-digest']).toBe(get.headers['docker-content-digest']);
      expect(head.headers['content-length']).toBe(String(get.body.length));
      const byDigest = await send(
        `${factory.url}/v2/${image}/${VANILLA_ID}/manifests/${sha256(get.body)}`,
      );
      expect(byDigest.body.equals(get.body)).toBe(true);
    },
  );

  it('gives separate repositories separate digests, and latest the newest stable', async () => {
    const factory = await standin({ schematics: ['{}'] });
    const digestOf = async (image: string, tag: string) =>
      (await send(`${factory.url}/v2/${image}/${VANILLA_ID}/manifests/${tag}`, { method: 'HEAD' }))
        .headers['docker-content-digest'];
    expect(await digestOf('installer', 'v1.12.0')).not.toBe(
      await digestOf('metal-installer', 'v1.12.0'),
    );
    expect(await digestOf('metal-installer', 'latest')).toBe(
      await digestOf('metal-installer', 'v1.13.9'),
    );
  });

  it.each([
    [
      'an invalid image name',
      `/v2/foo/${VANILLA_ID}/manifests/v1.12.0`,
      400,
      'invalid image: foo\n',
    ],
    ['three segments', `/v2/a/b/c/manifests/v1.12.0`, 404, 'unknown registry path: "a/b/c"\n'],
    [
      'one segment',
      `/v2/metal-installer/manifests/v1.12.0`,
      404,
      'unknown registry path: "metal-installer"\n',
    ],
    [
      'an unknown schematic',
      `/v2/metal-installer/${'c'.repeat(64)}/manifests/v1.12.0`,
      404,
      `schematic ID "${'c'.repeat(64)}" not found\n`,
    ],
    [
      'a malformed version',
      `/v2/metal-installer/${VANILLA_ID}/manifests/v1.x`,
      500,
      'internal server error\n',
    ],
  ])('answers %s with %i in plain text', async (_what, path, status, body) => {
    const factory = await standin({ schematics: ['{}'] });
    const reply = await send(`${factory.url}${path}`);
    expect([reply.status, reply.text]).toEqual([status, body]);
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('answers 404 naming the version for an unlisted one, and 400 for a missing extension', async () => {
    const factory = await standin({
      schematics: [
        'customization: {systemExtensions: {officialExtensions: [siderolabs/does-not-exist]}}',
        '{}',
      ],
    });
    const unlisted = await send(`${factory.url}/v2/metal-installer/${VANILLA_ID}/manifests/v9.9.9`);
    expect(unlisted.status).toBe(404);
    expect(unlisted.text).toMatch(/version 9\.9\.9 is not available\n$/);
    const idFor =
      'customization:\n    systemExtensions:\n        officialExtensions:\n            - siderolabs/does-not-exist\n';
    const id = createHash('sha256').update(idFor).digest('hex');
    const missing = await send(`${factory.url}/v2/metal-installer/${id}/manifests/v1.12.0`);
    expect(missing.status).toBe(400);
    expect(missing.text).toMatch(
      /official extension "siderolabs\/does-not-exist" is not available/,
    );
  });

  it('blocks the first installer request while it builds', async () => {
    const factory = await standin({ buildDelayMs: 60_000, schematics: ['{}'] });
    let done = false;
    const building = send(`${factory.url}/v2/metal-installer/${VANILLA_ID}/manifests/v1.12.0`, {
      method: 'HEAD',
    }).then(() => {
      done = true;
    });
    expect((await send(`${factory.url}/v2/`)).status).toBe(200);
    await expect.poll(() => factory.requests.length).toBe(2);
    expect(done).toBe(false);
    await factory.close();
    await building.catch(() => undefined);
  });
});

describe('registry blobs and referrers', () => {
  const blob = `sha256:${'d'.repeat(64)}`;

  it('checks the repository like manifests and has no blobs in proxy mode', async () => {
    const factory = await standin({ schematics: ['{}'] });
    const missing = await send(`${factory.url}/v2/metal-installer/${VANILLA_ID}/blobs/${blob}`);
    expect([missing.status, missing.headers['content-type']]).toEqual([
      404,
      'text/plain; charset=utf-8',
    ]);
    expect(missing.text).toMatch(/^blob unknown/);
    expect((await send(`${factory.url}/v2/bogus/${VANILLA_ID}/blobs/${blob}`)).status).toBe(400);
    expect((await send(`${factory.url}/v2/a/b/c/referrers/${blob}`)).text).toBe(
      'unknown registry path: "a/b/c"\n',
    );
  });

  it('redirects blobs in redirect mode to the second registry, which challenges first', async () => {
    const factory = await standin({ registryMode: 'redirect', schematics: ['{}'] });
    const redirect = await send(`${factory.url}/v2/metal-installer/${VANILLA_ID}/blobs/${blob}`);
    expect(redirect.status).toBe(307);
    expect(redirect.headers.location).toMatch(
      new RegExp(`^${factory.registryUrl}/v2/.+/blobs/${blob}$`),
    );
    const challenged = await send(redirect.headers.location ?? '');
    expect(challenged.status).toBe(401);
    expect(challenged.headers['www-authenticate']).toMatch(/^Bearer realm=/);
  });
});

describe('registry frontend, redirect mode', () => {
  it('redirects 307 by digest to a second registry that demands an anonymous bearer token', async () => {
    const factory = await standin({ registryMode: 'redirect', schematics: ['{}'] });
    const redirect = await send(
      `${factory.url}/v2/metal-installer/${VANILLA_ID}/manifests/v1.12.0`,
      {
        method: 'HEAD',
      },
    );
    expect(redirect.status).toBe(307);
    const location = redirect.headers.location ?? '';
    expect(location.startsWith(`${factory.registryUrl}/v2/`)).toBe(true);
    const digest = /sha256:[0-9a-f]{64}$/.exec(location)?.[0];
    expect(digest).toBeDefined();

    const challenged = await send(location, { method: 'HEAD' });
    expect(challenged.status).toBe(401);
    const header = challenged.headers['www-authenticate'] ?? '';
    const fields = Object.fromEntries(
      [...header.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']),
    );
    expect(header.startsWith('Bearer ')).toBe(true);
    expect(fields.realm).toBe(`${factory.registryUrl}/token`);
    expect(fields.service).toBe(new URL(factory.registryUrl).host);
    expect(fields.scope).toMatch(new RegExp(`^repository:.*/metal-installer/${VANILLA_ID}:pull$`));

    const tokenReply = await send(
      `${fields.realm}?service=${encodeURIComponent(fields.service ?? '')}&scope=${encodeURIComponent(fields.scope ?? '')}`,
    );
    const { token } = JSON.parse(tokenReply.text) as { token: string };
    const authorised = await send(location, {
      headers: { Authorization: `Bearer ${token}`, Accept: ACCEPT },
    });
    expect(authorised.status).toBe(200);
    expect(authorised.headers['docker-content-digest']).toBe(digest);
    expect(sha256(authorised.body)).toBe(digest);
    expect((JSON.parse(authorised.text) as Index).manifests).toHaveLength(2);
    const head = await send(location, {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${token}` },
    });
    expect([head.status, head.headers['docker-content-digest']]).toEqual([200, digest]);

    expect(factory.requests.map((r) => r.server)).toEqual([
      'factory',
      'registry',
      'registry',
      'registry',
      'registry',
    ]);
  });

  it('refuses tokens for another repository or made up, and tokens for another service', async () => {
    const factory = await standin({ registryMode: 'redirect', schematics: ['{}'] });
    const redirect = await send(
      `${factory.url}/v2/metal-installer/${VANILLA_ID}/manifests/v1.12.0`,
    );
    const location = redirect.headers.location ?? '';
    const service = encodeURIComponent(new URL(factory.registryUrl).host);
    const other = await send(
      `${factory.registryUrl}/token?service=${service}&scope=repository:other/repo:pull`,
    );
    const { token } = JSON.parse(other.text) as { token: string };
    expect((await send(location, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(
      401,
    );
    expect((await send(location, { headers: { Authorization: 'Bearer made-up' } })).status).toBe(
      401,
    );
    expect(
      (await send(`${factory.registryUrl}/token?service=wrong&scope=repository:x:pull`)).status,
    ).toBe(400);
  });
});
