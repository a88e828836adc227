import { describe, expect, it } from 'vitest';
import { VANILLA_ID, post, send, standin } from './helpers.js';

describe('GET /pxe', () => {
  it('serves the standard iPXE script on the PXE base, with the command line', async () => {
    const factory = await standin({ pxeBaseUrl: 'https://pxe.example.test/' });
    const created = await post(
      `${factory.url}/schematics`,
      'customization: {extraKernelArgs: [net.ifnames=0]}',
    );
    const { id } = JSON.parse(created.text) as { id: string };
    const cmdline = (await send(`${factory.url}/image/${id}/v1.12.0/cmdline-metal-amd64`)).text;
    const reply = await send(`${factory.url}/pxe/${id}/1.12.0/metal-x86_64`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBeUndefined();
    const base = `https://pxe.example.test/image/${id}/v1.12.0`;
    expect(reply.text).toBe(
      `#!ipxe\n\nimgfree\nkernel ${base}/kernel-amd64 ${cmdline}\ninitrd ${base}/initramfs-amd64.xz\nboot\n`,
    );
  });

  it('serves the SecureBoot variant, which boots the UKI', async () => {
    const factory = await standin({ schematics: ['{}'] });
    const reply = await send(`${factory.url}/pxe/${VANILLA_ID}/v1.12.0/metal-amd64-secureboot`);
    const cmdline = (
      await send(`${factory.url}/image/${VANILLA_ID}/v1.12.0/cmdline-metal-amd64-secureboot`)
    ).text;
    const base = `${factory.url}/image/${VANILLA_ID}/v1.12.0`;
    expect(reply.text).toBe(
      `#!ipxe\n\nimgfree\nkernel ${base}/metal-amd64-secureboot-uki.efi ${cmdline}\nboot\n`,
    );
  });

  it.each([
    ['an unknown schematic', `${'b'.repeat(64)}/v1.12.0/metal-amd64`, 404],
    ['an unlisted version', `${VANILLA_ID}/v1.1.0/metal-amd64`, 404],
    ['a malformed version', `${VANILLA_ID}/one/metal-amd64`, 500],
    ['a bad path', `${VANILLA_ID}/v1.12.0/metal`, 400],
  ])('answers %s with %i', async (_what, path, status) => {
    const factory = await standin({ schematics: ['{}'] });
    expect((await send(`${factory.url}/pxe/${path}`)).status).toBe(status);
  });

  it('answers 400 for an extension missing in that version, and 405 for HEAD', async () => {
    const factory = await standin();
    const created = await post(
      `${factory.url}/schematics`,
      'customization: {systemExtensions: {officialExtensions: [siderolabs/netbird]}}',
    );
    const { id } = JSON.parse(created.text) as { id: string };
    const old = await send(`${factory.url}/pxe/${id}/v1.11.2/metal-amd64`);
    expect([old.status, old.text]).toEqual([
      400,
      'error enhancing profile from schematic: official extension "siderolabs/netbird" is not available for Talos version v1.11.2\n',
    ]);
    expect((await send(`${factory.url}/pxe/${id}/v1.13.9/metal-amd64`)).status).toBe(200);
    const head = await send(`${factory.url}/pxe/${id}/v1.13.9/metal-amd64`, { method: 'HEAD' });
    expect([head.status, head.headers.allow]).toEqual([405, 'GET']);
  });
});
