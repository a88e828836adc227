import { describe, expect, it } from 'vitest';
import { imageContent } from '../../src/standin/asset-bytes.js';
import {
  VANILLA_ID,
  post,
  send,
  standin,
  sha256Hex as digest,
  sha256OfStream as sha256,
} from './helpers.js';

const SIZE = 200_000;

async function idOf(url: string, schematic: string): Promise<string> {
  const reply = await post(`${url}/schematics`, schematic);
  return (JSON.parse(reply.text) as { id: string }).id;
}

describe('GET|HEAD /image (direct delivery)', () => {
  it('streams the deterministic bytes of (id, version, path) with the factory headers', async () => {
    const factory = await standin({ imageSize: SIZE, schematics: ['{}'] });
    const reply = await send(`${factory.url}/image/${VANILLA_ID}/v1.12.0/metal-amd64.iso`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-length']).toBe(String(SIZE));
    expect(reply.headers['content-type']).toBe('application/x-iso9660-image');
    expect(reply.headers['content-disposition']).toBe('attachment; filename="metal-amd64.iso"');
    expect(reply.headers['accept-ranges']).toBeUndefined();
    expect(digest(reply.body)).toBe(
      await sha256(imageContent(VANILLA_ID, 'v1.12.0', 'metal-amd64.iso', SIZE)),
    );
  });

  it('answers HEAD with the headers only, honouring ?filename=', async () => {
    const factory = await standin({ imageSize: SIZE, schematics: ['{}'] });
    const reply = await send(
      `${factory.url}/image/${VANILLA_ID}/1.12.0/metal-amd64.raw.zst?filename=talos.raw.zst`,
      {
        method: 'HEAD',
      },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.length).toBe(0);
    expect(reply.headers['content-length']).toBe(String(SIZE));
    expect(reply.headers['content-type']).toBe('application/octet-stream');
    expect(reply.headers['content-disposition']).toBe('attachment; filename="talos.raw.zst"');
  });

  it('ignores Range: always 200 with the whole body', async () => {
    const factory = await standin({ imageSize: SIZE, schematics: ['{}'] });
    const reply = await send(`${factory.url}/image/${VANILLA_ID}/v1.12.0/kernel-amd64`, {
      headers: { Range: 'bytes=100-' },
    });
    expect([reply.status, reply.body.length]).toEqual([200, SIZE]);
    expect(reply.headers['content-range']).toBeUndefined();
  });

  it.each([
    ['.xz', 'initramfs-amd64.xz', 'application/x-xz'],
    ['.efi', 'metal-amd64-secureboot-uki.efi', 'application/efi'],
    ['.gz', 'digital-ocean-amd64.raw.gz', 'application/gzip'],
    ['.qcow2', 'metal-arm64.qcow2', 'application/x-qemu-disk'],
    ['.tar', 'metal-installer-amd64.tar', 'application/octet-stream'],
  ])('types %s assets as the factory does', async (_ext, path, type) => {
    const factory = await standin({ imageSize: 10, schematics: ['{}'] });
    const reply = await send(`${factory.url}/image/${VANILLA_ID}/v1.12.0/${path}`, {
      method: 'HEAD',
    });
    expect([reply.status, reply.headers['content-type']]).toEqual([200, type]);
  });

  it('serves the kernel command line as text, with the schematic arguments', async () => {
    const factory = await standin();
    const id = await idOf(factory.url, 'customization: {extraKernelArgs: [net.ifnames=0]}');
    const reply = await send(`${factory.url}/image/${id}/v1.12.0/cmdline-metal-amd64`);
    expect(reply.status).toBe(200);
    expect(reply.text).toMatch(/^talos\.platform=metal .* net\.ifnames=0$/);
  });

  it.each([
    [
      'a bad path',
      `${VANILLA_ID}/v1.12.0/metal-amd64.img`,
      400,
      /invalid profile path: "metal-amd64\.img"/,
    ],
    [
      'an unknown schematic',
      `${'a'.repeat(64)}/v1.12.0/metal-amd64.iso`,
      404,
      /schematic ID "a{64}" not found/,
    ],
    [
      'an unlisted version',
      `${VANILLA_ID}/v1.12.99/metal-amd64.iso`,
      404,
      /version 1\.12\.99 is not available/,
    ],
    [
      'a malformed version',
      `${VANILLA_ID}/latest/metal-amd64.iso`,
      500,
      /^internal server error\n$/,
    ],
    [
      'a checksum',
      `${VANILLA_ID}/v1.12.0/metal-amd64.iso.sha256`,
      402,
      /^enterprise not enabled: /,
    ],
    [
      'a signature',
      `${VANILLA_ID}/v1.12.0/metal-amd64.iso.sigstore.json`,
      402,
      /^enterprise not enabled: /,
    ],
    [
      'SecureBoot before 1.5',
      `${VANILLA_ID}/v1.4.8/metal-amd64-secureboot.iso`,
      400,
      /secureboot is not supported/,
    ],
  ])('answers %s with %i and a plain-text reason', async (_what, path, status, body) => {
    const factory = await standin({ schematics: ['{}'] });
    const reply = await send(`${factory.url}/image/${path}`);
    expect(reply.status).toBe(status);
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(reply.text).toMatch(body);
  });

  it('answers 400 when an extension does not exist for the version, at build time only', async () => {
    const factory = await standin({ imageSize: 10 });
    const id = await idOf(
      factory.url,
      'customization: {systemExtensions: {officialExtensions: [siderolabs/netbird]}}',
    );
    const old = await send(`${factory.url}/image/${id}/v1.10.9/metal-amd64.iso`);
    expect(old.status).toBe(400);
    expect(old.text).toBe(
      'error enhancing profile from schematic: official extension "siderolabs/netbird" is not available for Talos version v1.10.9\n',
    );
    expect((await send(`${factory.url}/image/${id}/v1.13.9/metal-amd64.iso`)).status).toBe(200);
  });

  it('accepts a renamed extension through the factory alias table', async () => {
    const factory = await standin({ imageSize: 10 });
    const id = await idOf(
      factory.url,
      'customization: {systemExtensions: {officialExtensions: [siderolabs/i915-ucode]}}',
    );
    expect((await send(`${factory.url}/image/${id}/v1.12.0/metal-amd64.iso`)).status).toBe(200);
    const typo = await idOf(
      factory.url,
      'customization: {systemExtensions: {officialExtensions: [siderolabs/i915-ucod]}}',
    );
    expect((await send(`${factory.url}/image/${typo}/v1.12.0/metal-amd64.iso`)).status).toBe(400);
  });

  it('refuses version-gated features below their Talos version', async () => {
    const factory = await standin({ imageSize: 10 });
    const overlay = await idOf(
      factory.url,
      'overlay: {image: siderolabs/sbc-raspberrypi, name: rpi_generic}',
    );
    expect((await send(`${factory.url}/image/${overlay}/v1.6.0/metal-arm64.raw.xz`)).text).toMatch(
      /overlay is not supported/,
    );
    expect((await send(`${factory.url}/image/${overlay}/v1.12.0/metal-arm64.raw.xz`)).status).toBe(
      200,
    );
    const embedded = await idOf(
      factory.url,
      'customization: {embeddedMachineConfiguration: "kind: HostnameConfig"}',
    );
    expect((await send(`${factory.url}/image/${embedded}/v1.11.0/metal-amd64.iso`)).text).toMatch(
      /embedding configuration is not supported/,
    );
    expect((await send(`${factory.url}/image/${embedded}/v1.12.0/metal-amd64.iso`)).status).toBe(
      200,
    );
  });
});

describe('/image in redirect delivery, and /cdn', () => {
  it('redirects GET with 302 to /cdn but answers HEAD directly', async () => {
    const factory = await standin({
      imageSize: SIZE,
      imageDelivery: 'redirect',
      schematics: ['{}'],
    });
    const get = await send(
      `${factory.url}/image/${VANILLA_ID}/1.12.0/metal-amd64.iso?filename=x.iso`,
    );
    expect(get.status).toBe(302);
    expect(get.headers.location).toBe(
      `${factory.url}/cdn/${VANILLA_ID}/v1.12.0/metal-amd64.iso?filename=x.iso`,
    );
    const head = await send(`${factory.url}/image/${VANILLA_ID}/1.12.0/metal-amd64.iso`, {
      method: 'HEAD',
    });
    expect([head.status, head.headers['content-length']]).toEqual([200, String(SIZE)]);
    const cdn = await send(get.headers.location ?? '');
    expect(cdn.status).toBe(200);
    expect(cdn.headers['accept-ranges']).toBe('bytes');
    expect(cdn.headers['content-disposition']).toBe('attachment; filename="x.iso"');
    expect(digest(cdn.body)).toBe(
      await sha256(imageContent(VANILLA_ID, 'v1.12.0', 'metal-amd64.iso', SIZE)),
    );
  });

  it('honours Range and If-Range on /cdn, and answers 416 past the end', async () => {
    const factory = await standin({
      imageSize: SIZE,
      imageDelivery: 'redirect',
      schematics: ['{}'],
    });
    const url = `${factory.url}/cdn/${VANILLA_ID}/v1.12.0/metal-amd64.iso`;
    const whole = (await send(url)).body;
    const part = await send(url, { headers: { Range: 'bytes=1000-' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-${SIZE - 1}/${SIZE}`);
    expect(part.headers['content-length']).toBe(String(SIZE - 1000));
    expect(part.body.equals(whole.subarray(1000))).toBe(true);
    const middle = await send(url, { headers: { Range: 'bytes=17-33' } });
    expect(middle.body.equals(whole.subarray(17, 34))).toBe(true);
    const etag = part.headers.etag ?? '';
    expect((await send(url, { headers: { Range: 'bytes=5-', 'If-Range': etag } })).status).toBe(
      206,
    );
    expect(
      (await send(url, { headers: { Range: 'bytes=5-', 'If-Range': '"stale"' } })).status,
    ).toBe(200);
    const beyond = await send(url, { headers: { Range: `bytes=${SIZE}-` } });
    expect([beyond.status, beyond.headers['content-range']]).toEqual([416, `bytes */${SIZE}`]);
  });

  it('has nothing under /cdn for assets the factory would refuse', async () => {
    const factory = await standin({ imageDelivery: 'redirect', schematics: ['{}'] });
    expect((await send(`${factory.url}/cdn/${VANILLA_ID}/v1.12.0/nope.img`)).status).toBe(404);
  });
});

describe('build on first request', () => {
  it('blocks the first request for an asset while other routes keep answering', async () => {
    const factory = await standin({ imageSize: 10, buildDelayMs: 60_000, schematics: ['{}'] });
    let finished = false;
    const building = send(`${factory.url}/image/${VANILLA_ID}/v1.12.0/metal-amd64.iso`, {
      method: 'HEAD',
    }).then((reply) => {
      finished = true;
      return reply;
    });
    // Another route answers while the build is still running.
    expect((await send(`${factory.url}/healthz`)).status).toBe(200);
    await expect.poll(() => factory.requests.length).toBe(2);
    expect(finished).toBe(false);
    await factory.close();
    await building.catch(() => undefined);
  });
});
