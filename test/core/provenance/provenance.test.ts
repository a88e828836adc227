// The provenance a release writes: its subjects are what an operator checks artifacts and
// installers against, and its DSSE signature must verify with an independent Ed25519 (openssl).
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IntegrityError } from '../../../src/core/errors.js';
import type { ReleaseManifest } from '../../../src/core/manifest/index.js';
import {
  buildProvenance,
  preAuthEncoding,
  signEnvelope,
  verifyEnvelope,
} from '../../../src/core/provenance/index.js';
import type { DsseEnvelope } from '../../../src/core/provenance/index.js';
import {
  generateKeyPair,
  parsePublicKey,
  parseSecretKey,
} from '../../../src/core/signing/index.js';
import { VANILLA, VANILLA_ID, writeV2Release } from '../verify/release-v2-fixture.js';

const TIMES = {
  toolVersion: '0.1.0',
  startedOn: new Date('2026-11-22T03:00:00Z'),
  finishedOn: new Date('2026-11-22T03:04:00Z'),
  invocationId: '6f1c7f5e-2b0b-4d4e-9d5a-000000000001',
};

let root: string;
let manifest: ReleaseManifest;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'provenance-'));
  manifest = JSON.parse(await readFile(await writeV2Release(root), 'utf8')) as ReleaseManifest;
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('buildProvenance', () => {
  it('lists every artifact by path and SHA-256 and the installer by tag and index digest', () => {
    const statement = buildProvenance(manifest, TIMES);
    expect(statement._type).toBe('https://in-toto.io/Statement/v1');
    expect(statement.predicateType).toBe('https://slsa.dev/provenance/v1');
    const installer = manifest.installers![0]!;
    expect(statement.subject).toEqual([
      ...manifest.artifacts!.map((a) => ({ name: a.localPath, digest: { sha256: a.sha256 } })),
      { name: installer.image, digest: { sha256: installer.digest!.slice('sha256:'.length) } },
    ]);
  });

  it('records the schematic, Talos version, targets, factory and builder', () => {
    const { buildDefinition, runDetails } = buildProvenance(manifest, TIMES).predicate;
    expect(buildDefinition.externalParameters).toMatchObject({
      factoryUrl: 'https://factory.example.com',
      talosVersion: 'v1.12.4',
      schematics: [{ id: VANILLA_ID, yaml: VANILLA }],
      targets: ['metal-amd64.iso', 'nocloud-amd64.raw.xz'],
    });
    expect(runDetails.builder.id).toBe('pkg:npm/talos-release@0.1.0');
    expect(runDetails.metadata).toEqual({
      invocationId: TIMES.invocationId,
      startedOn: '2026-11-22T03:00:00.000Z',
      finishedOn: '2026-11-22T03:04:00.000Z',
    });
  });

  it('leaves out an installer whose digest was not resolved', () => {
    delete (manifest.installers![0] as { digest?: string }).digest;
    const names = buildProvenance(manifest, TIMES).subject.map((s) => s.name);
    expect(names).toEqual(manifest.artifacts!.map((a) => a.localPath));
  });
});

describe('DSSE envelope', () => {
  it('verifies with openssl over the PAE, and with verifyEnvelope', async () => {
    const pair = await generateKeyPair();
    const key = await parseSecretKey(pair.secretKeyFile);
    const envelope = signEnvelope(buildProvenance(manifest, TIMES), key);
    expect(envelope.payloadType).toBe('application/vnd.in-toto+json');
    expect(envelope.signatures).toEqual([{ keyid: pair.keyId, sig: expect.any(String) }]);
    const publicKey = parsePublicKey(pair.publicKeyLine);
    expect(verifyEnvelope(envelope, publicKey).subject).toHaveLength(3);

    // openssl checks the same bytes independently of node's wrapper.
    const payload = Buffer.from(envelope.payload, 'base64');
    expect(preAuthEncoding(envelope.payloadType, payload).toString('utf8')).toMatch(
      /^DSSEv1 28 application\/vnd\.in-toto\+json \d+ \{"_type"/,
    );
    await writeFile(join(root, 'pae'), preAuthEncoding(envelope.payloadType, payload));
    await writeFile(join(root, 'sig'), Buffer.from(envelope.signatures[0]!.sig, 'base64'));
    await writeFile(join(root, 'pub.pem'), publicKey.key.export({ format: 'pem', type: 'spki' }));
    const openssl = spawnSync(
      'openssl',
      [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        'pub.pem',
        '-rawin',
        '-in',
        'pae',
        '-sigfile',
        'sig',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(openssl.stdout + openssl.stderr).toContain('Signature Verified Successfully');
  });

  it('rejects a changed payload, another key and a bare statement', async () => {
    const key = await parseSecretKey((await generateKeyPair()).secretKeyFile);
    const statement = buildProvenance(manifest, TIMES);
    const envelope = signEnvelope(statement, key);
    const tampered: DsseEnvelope = {
      ...envelope,
      payload: Buffer.from(
        Buffer.from(envelope.payload, 'base64')
          .toString()
          .replace(/"sha256":"(.)/, (_, first: string) => `"sha256":"${first === '0' ? '1' : '0'}`),
      ).toString('base64'),
    };
    expect(() => verifyEnvelope(tampered, key.publicKey, 'x.intoto.json')).toThrow(
      /x\.intoto\.json does not match its signature/,
    );
    const other = parsePublicKey((await generateKeyPair()).publicKeyLine);
    expect(() => verifyEnvelope(envelope, other)).toThrow(IntegrityError);
    expect(() => verifyEnvelope(statement, key.publicKey, 'x.intoto.json')).toThrow(
      /x\.intoto\.json is not a signed DSSE envelope/,
    );
  });
});
