import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SCHEMATIC_VECTORS as VECTORS } from '../fixtures/schematic-ids/vectors.js';
import { VANILLA, VANILLA_ID, post, send, standin } from './helpers.js';

// docs/factory-protocol.md §5 Example 6, posted in its canonical form: decoding and re-encoding
// must give the same bytes.
const EVERY_FIELD = `overlay:
    image: siderolabs/sbc-raspberrypi
    name: rpi_generic
    options:
        b:
            - 1
            - two
        configTxtAppend: dtoverlay=disable-bt
customization:
    embeddedMachineConfiguration: |
        apiVersion: v1alpha1
        kind: HostnameConfig
        hostname: my-host
    extraKernelArgs:
        - console=ttyS0,115200n8
        - -console
        - net.ifnames=0
    meta:
        - key: 10
          value: '{"externalIPs":["1.2.3.4"]}'
    systemExtensions:
        officialExtensions:
            - siderolabs/gvisor
            - siderolabs/amd-ucode
    bootloader: sd-boot
    secureboot:
        enrollKeys: force
        includeWellKnownCertificates: true
    diskImage:
        sectorSize: 4096
`;

describe('POST /schematics', () => {
  it('gives every published vector its published ID and canonical bytes', async () => {
    const factory = await standin();
    expect(VECTORS.length).toBe(46);
    for (const vector of VECTORS) {
      const reply = await post(`${factory.url}/schematics`, vector.yaml);
      expect(reply.status, vector.source).toBe(201);
      const body = JSON.parse(reply.text) as { id: string; schematic: string };
      expect(body, vector.source).toEqual({ id: vector.id, schematic: vector.canonical });
    }
  });

  it('reproduces the worked examples of the specification (docs/factory-protocol.md §5, §7), including the every-field layout', async () => {
    const factory = await standin();
    const examples: readonly (readonly [string, string])[] = [
      [
        '{"overlay": {"name": "rpi_generic", "image": "siderolabs/sbc-raspberrypi"}}',
        'ee21ef4a5ef808a9b7484cc0dda0f25075021691c8c09a276591eedb638ea1f9',
      ],
      [
        'customization:\n  meta:\n    - key: 0xa\n      value: foo\n',
        'd308a2a5ee2277bed5fbaa104fcbc8d59122abfa737df987a95b4ca763459a7f',
      ],
      [
        '{"customization": {"embeddedMachineConfiguration": "apiVersion: v1alpha1\\nkind: HostnameConfig\\nhostname: worker-33"}}',
        '02f29f9a702fceec4fc2e2e51314d63710fc1b192ebb1629ac12301949d49c8c',
      ],
      [
        'customization:\n  extraKernelArgs: [vga=791]\n',
        'eea1f9534c46d95c4715a2f13d17eacb927c13a42ef087c79b22c3bd0c49d073',
      ],
      [EVERY_FIELD, 'cf59fb4ce175da8e05dabdb55d08f292824da75591bca5dd72689d9e30d8ab4d'],
    ];
    for (const [input, id] of examples) {
      const reply = await post(`${factory.url}/schematics`, input);
      expect(JSON.parse(reply.text), input).toMatchObject({ id });
    }
  });

  it('answers 201 with JSON written like Go, and 201 again on a repeat', async () => {
    const factory = await standin();
    for (let attempt = 0; attempt < 2; attempt++) {
      const reply = await post(`${factory.url}/schematics`, '{}');
      expect(reply.status).toBe(201);
      expect(reply.headers['content-type']).toBe('application/json');
      expect(reply.text).toBe(`{"id":"${VANILLA_ID}","schematic":"customization: {}\\n"}\n`);
    }
  });

  it('escapes <, > and & as Go does', async () => {
    const factory = await standin();
    const reply = await post(
      `${factory.url}/schematics`,
      'customization:\n  extraKernelArgs: ["a<b>&c"]\n',
    );
    expect(reply.status).toBe(201);
    expect(reply.text).toContain('a\\u003cb\\u003e\\u0026c');
    const canonical = (JSON.parse(reply.text) as { schematic: string }).schematic;
    expect(canonical).toContain('a<b>&c');
  });

  it('keeps the posted order: the factory does not sort extensions', async () => {
    const factory = await standin();
    const ids = [];
    for (const order of [
      '[siderolabs/amd-ucode, siderolabs/gvisor]',
      '[siderolabs/gvisor, siderolabs/amd-ucode]',
    ]) {
      const reply = await post(
        `${factory.url}/schematics`,
        `customization: {systemExtensions: {officialExtensions: ${order}}}`,
      );
      ids.push((JSON.parse(reply.text) as { id: string }).id);
    }
    expect(ids).toEqual([
      'ed510afbbd542b252bf618c09ac0d3f4ad8711c6ce752ebafa91c0779836a5c0',
      'a993cf18ef6a65e3fc6d2f651c0363981b6b2e823829ad95a2557cfc97ca6595',
    ]);
  });

  it.each([
    ['an empty body', '', /^EOF\n$/],
    ['an unknown field', 'something: 1\n', /^yaml: construct errors: line 1: .*something/],
    ['a duplicate key', 'customization: {}\ncustomization: {}\n', /customization/],
    ['a wrong kind', 'customization:\n  extraKernelArgs: {a: b}\n', /extraKernelArgs|line 2/],
    ['owner on the community factory', 'owner: me\ncustomization: {}\n', /owner/],
    ['bootloader auto', 'customization:\n  bootloader: auto\n', /auto/],
  ])('rejects %s with 400 and a plain-text line', async (_what, body, message) => {
    const factory = await standin();
    const reply = await post(`${factory.url}/schematics`, body);
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(reply.text).toMatch(message);
    expect(reply.text.endsWith('\n')).toBe(true);
  });

  it('answers {"id"} alone in id-only mode, like factories before v1.3.0', async () => {
    const factory = await standin({ schematicResponse: 'id-only' });
    const reply = await post(`${factory.url}/schematics`, 'customization: {}');
    expect(reply.status).toBe(201);
    expect(reply.text).toBe(`{"id":"${VANILLA_ID}"}\n`);
    const stored = await send(`${factory.url}/schematics/${VANILLA_ID}`);
    expect(stored.text).toBe(VANILLA);
  });

  it('double-quotes YAML 1.1 words with the legacy encoder, as factories up to v1.4.x did', async () => {
    const schematic = 'customization:\n  extraKernelArgs: ["on"]\n';
    const current = await standin();
    const legacy = await standin({ encoder: 'legacy', serverVersion: 'v1.4.2' });
    const fromCurrent = await post(`${current.url}/schematics`, schematic);
    const fromLegacy = await post(`${legacy.url}/schematics`, schematic);
    expect(JSON.parse(fromCurrent.text)).toMatchObject({
      id: 'b5250f0ac277bb38585e97a7a542f7a9609bf3497159e9acbd5f8f98c62b96d0',
    });
    expect(JSON.parse(fromLegacy.text)).toEqual({
      id: 'e4130439448d6d0343170a4f32147a7db11813dc345b39a365ae0b7702466ef6',
      schematic: 'customization:\n    extraKernelArgs:\n        - "on"\n',
    });
    expect(fromLegacy.headers.server).toBe('Image Factory v1.4.2');
  });

  it('answers with another ID under a schematic-id fault, and serves the schematic under it', async () => {
    const drifted = 'f'.repeat(64);
    const factory = await standin({
      faults: [
        {
          match: { method: 'POST', path: '/schematics' },
          fault: { kind: 'schematic-id', id: drifted },
          times: 1,
        },
      ],
    });
    const first = await post(`${factory.url}/schematics`, '{}');
    expect(JSON.parse(first.text)).toEqual({ id: drifted, schematic: VANILLA });
    expect((await send(`${factory.url}/schematics/${drifted}`)).text).toBe(VANILLA);
    const second = await post(`${factory.url}/schematics`, '{}');
    expect(JSON.parse(second.text)).toMatchObject({ id: VANILLA_ID });
  });

  it('records what the client sent', async () => {
    const factory = await standin();
    await post(`${factory.url}/schematics`, 'customization: {}\n', { 'X-Request-ID': 'abc' });
    expect(factory.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/schematics',
        body: 'customization: {}\n',
        server: 'factory',
        headers: expect.objectContaining({
          'content-type': 'application/yaml',
          'x-request-id': 'abc',
        }),
      }),
    ]);
  });
});

describe('GET /schematics/:id', () => {
  it('returns the stored canonical bytes, which hash to the ID', async () => {
    const factory = await standin();
    const vector = VECTORS.find((v) => v.canonical.includes('officialExtensions'));
    if (!vector) throw new Error('the vectors have no extension schematic');
    await post(`${factory.url}/schematics`, vector.yaml);
    const reply = await send(`${factory.url}/schematics/${vector.id}`);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/yaml');
    expect(createHash('sha256').update(reply.body).digest('hex')).toBe(vector.id);
  });

  it('answers 404 for an unknown schematic and 405 for HEAD', async () => {
    const factory = await standin();
    const missing = await send(`${factory.url}/schematics/${'0'.repeat(64)}`);
    expect([missing.status, missing.text]).toEqual([404, 'schematic not found\n']);
    const head = await send(`${factory.url}/schematics/${VANILLA_ID}`, { method: 'HEAD' });
    expect(head.status).toBe(405);
    expect(head.headers.allow).toContain('GET');
  });

  it('serves schematics preloaded through the options', async () => {
    const factory = await standin({ schematics: ['{}'] });
    expect((await send(`${factory.url}/schematics/${VANILLA_ID}`)).text).toBe(VANILLA);
  });
});
