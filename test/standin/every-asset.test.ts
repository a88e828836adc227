// Every asset form of the grammar, for both architectures, with sizes a test sets per asset:
// the bytes a multi-target release downloads, each distinct and checkable on its own.
import { describe, expect, it } from 'vitest';
import { imageContent } from '../../src/standin/asset-bytes.js';
import {
  VANILLA_ID,
  send,
  standin,
  sha256Hex as digest,
  sha256OfStream as sha256,
} from './helpers.js';

const DEFAULT_SIZE = 5000;
const SIZES = {
  'nocloud-amd64.raw.xz': 1234,
  'metal-arm64.raw.xz': 0,
  '*.qcow2': 7777,
  '*-arm64*.iso': 4321,
};

/** Asset path → the size SIZES gives it and the factory's Content-Type for it. */
function assetsFor(arch: 'amd64' | 'arm64'): [string, number, string][] {
  const octet = 'application/octet-stream';
  return [
    [`kernel-${arch}`, DEFAULT_SIZE, octet],
    [`initramfs-${arch}.xz`, DEFAULT_SIZE, 'application/x-xz'],
    [`metal-${arch}.iso`, arch === 'arm64' ? 4321 : DEFAULT_SIZE, 'application/x-iso9660-image'],
    [
      `nocloud-${arch}-secureboot.iso`,
      arch === 'arm64' ? 4321 : DEFAULT_SIZE,
      'application/x-iso9660-image',
    ],
    [`metal-${arch}-secureboot-uki.efi`, DEFAULT_SIZE, 'application/efi'],
    [`installer-${arch}.tar`, DEFAULT_SIZE, octet],
    [`aws-installer-${arch}-secureboot.tar`, DEFAULT_SIZE, octet],
    [`nocloud-${arch}.raw.xz`, arch === 'amd64' ? 1234 : DEFAULT_SIZE, 'application/x-xz'],
    [`metal-${arch}.raw.xz`, arch === 'arm64' ? 0 : DEFAULT_SIZE, 'application/x-xz'],
    [`metal-${arch}.raw.zst`, DEFAULT_SIZE, octet],
    [`metal-${arch}.qcow2`, 7777, 'application/x-qemu-disk'],
    [`oracle-${arch}.qcow2.xz`, DEFAULT_SIZE, 'application/x-xz'],
    [`gcp-${arch}.raw.tar.gz`, DEFAULT_SIZE, 'application/gzip'],
    [`azure-${arch}.vhd.xz`, DEFAULT_SIZE, 'application/x-xz'],
    [`digital-ocean-${arch}.raw.gz`, DEFAULT_SIZE, 'application/gzip'],
    [`vmware-${arch}.ova`, DEFAULT_SIZE, octet],
  ];
}

describe.each(['amd64', 'arm64'] as const)('every asset for %s', (arch) => {
  it('serves per-asset sizes and bytes on /image (GET, HEAD) and /cdn (GET, HEAD, Range)', async () => {
    const direct = await standin({
      imageSize: DEFAULT_SIZE,
      assetSizes: SIZES,
      schematics: ['{}'],
    });
    const redirect = await standin({
      imageSize: DEFAULT_SIZE,
      assetSizes: SIZES,
      imageDelivery: 'redirect',
      schematics: ['{}'],
    });
    for (const [path, size, type] of assetsFor(arch)) {
      const expected = await sha256(imageContent(VANILLA_ID, 'v1.12.0', path, size));
      const image = `/image/${VANILLA_ID}/v1.12.0/${path}`;
      const get = await send(`${direct.url}${image}`);
      expect([path, get.status, get.headers['content-type']]).toEqual([path, 200, type]);
      expect([path, get.body.length, digest(get.body)]).toEqual([path, size, expected]);
      const head = await send(`${direct.url}${image}`, { method: 'HEAD' });
      expect([path, head.headers['content-length']]).toEqual([path, String(size)]);

      const hop = await send(`${redirect.url}${image}`);
      expect(hop.status).toBe(302);
      const cdn = await send(hop.headers.location ?? '');
      expect([path, cdn.headers['content-type'], digest(cdn.body)]).toEqual([path, type, expected]);
      const cdnHead = await send(hop.headers.location ?? '', { method: 'HEAD' });
      expect([path, cdnHead.headers['content-length']]).toEqual([path, String(size)]);
      if (size > 100) {
        const tail = await send(hop.headers.location ?? '', { headers: { Range: 'bytes=100-' } });
        expect([path, tail.status, tail.headers['content-range']]).toEqual([
          path,
          206,
          `bytes 100-${size - 1}/${size}`,
        ]);
        expect(tail.body.equals(cdn.body.subarray(100))).toBe(true);
      }
    }
  });
});

describe('asset sizes', () => {
  it('keeps the command line its real text whatever size is set', async () => {
    const factory = await standin({ assetSizes: { '*': 9 }, schematics: ['{}'] });
    const reply = await send(`${factory.url}/image/${VANILLA_ID}/v1.12.0/cmdline-metal-amd64`);
    expect(reply.text).toMatch(/talos\.platform=metal/);
  });

  it('prefers an exact path to a glob that also matches', async () => {
    const factory = await standin({
      assetSizes: { '*.iso': 10, 'metal-amd64.iso': 20 },
      schematics: ['{}'],
    });
    const size = async (path: string) =>
      (await send(`${factory.url}/image/${VANILLA_ID}/v1.12.0/${path}`, { method: 'HEAD' }))
        .headers['content-length'];
    expect([await size('metal-amd64.iso'), await size('metal-arm64.iso')]).toEqual(['20', '10']);
  });

  it('refuses a size that is not a whole number of bytes, naming the asset', async () => {
    await expect(standin({ assetSizes: { 'metal-amd64.iso': 1.5 } })).rejects.toThrow(
      'asset size of "metal-amd64.iso" 1.5 is not a whole number of bytes',
    );
  });
});

describe('build delays', () => {
  const head = (url: string, path: string) =>
    send(`${url}/image/${VANILLA_ID}/v1.12.0/${path}`, { method: 'HEAD' });

  it('keeps a disk image building while an ISO of the same release is ready', async () => {
    const factory = await standin({
      buildDelayMs: 0,
      diskBuildDelayMs: 60_000,
      schematics: ['{}'],
    });
    let diskDone = false;
    const disk = head(factory.url, 'nocloud-amd64.raw.xz').then(() => {
      diskDone = true;
    });
    expect((await head(factory.url, 'nocloud-amd64.iso')).status).toBe(200);
    await expect.poll(() => factory.requests.length).toBe(2);
    expect(diskDone).toBe(false);
    await factory.close();
    await disk.catch(() => undefined);
  });

  it('builds disk images twice as long as other assets by default, and only once', async () => {
    const factory = await standin({ buildDelayMs: 150, schematics: ['{}'] });
    const timed = async (path: string) => {
      const started = performance.now();
      await head(factory.url, path);
      return performance.now() - started;
    };
    expect(await timed('metal-amd64.iso')).toBeGreaterThanOrEqual(140);
    expect(await timed('metal-amd64.raw.zst')).toBeGreaterThanOrEqual(290);
    expect(await timed('metal-amd64.raw.zst')).toBeLessThan(140);
  });
});
