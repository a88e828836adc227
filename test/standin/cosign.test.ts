// The factory signs every installer index with cosign; the publish work verifies the signature
// before mirroring. These checks verify it as cosign does: the payload names the index digest and
// the ECDSA P-256 signature of exactly the payload bytes verifies with the served public key.
import { createHash, createPublicKey, createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningStandin } from '../../src/standin/types.js';
import { VANILLA_ID, send, standin } from './helpers.js';
import { pull } from './registry-client.js';

const REPOSITORY = `metal-installer/${VANILLA_ID}`;
const sha256 = (bytes: Buffer): string =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

interface SignatureManifest {
  readonly layers: readonly {
    readonly mediaType: string;
    readonly digest: string;
    readonly annotations: Record<string, string>;
  }[];
}

/** Whether the index's signature verifies; undefined when the factory has no signature tag. */
async function verifyIndex(factory: RunningStandin): Promise<boolean | undefined> {
  const index = await pull(factory, `${REPOSITORY}/manifests/v1.12.0`);
  const digest = sha256(index.body);
  const tag = `${digest.replace(':', '-')}.sig`;
  const signature = await pull(factory, `${REPOSITORY}/manifests/${tag}`);
  if (signature.status === 404) return undefined;
  expect(signature.status).toBe(200);
  expect(signature.headers['docker-content-digest']).toBe(sha256(signature.body));
  const [layer] = (JSON.parse(signature.text) as SignatureManifest).layers;
  expect(layer?.mediaType).toBe('application/vnd.dev.cosign.simplesigning.v1+json');
  const payload = await pull(factory, `${REPOSITORY}/blobs/${layer?.digest ?? ''}`);
  expect(sha256(payload.body)).toBe(layer?.digest);
  const claims = JSON.parse(payload.text) as {
    critical: { image: { 'docker-manifest-digest': string }; type: string };
  };
  expect(claims.critical.image['docker-manifest-digest']).toBe(digest);
  expect(claims.critical.type).toBe('cosign container image signature');

  const pem = await send(`${factory.url}/oci/cosign/signing-key.pub`);
  expect(pem.status).toBe(200);
  const key = createPublicKey(pem.text);
  expect([key.asymmetricKeyType, key.asymmetricKeyDetails?.namedCurve]).toEqual([
    'ec',
    'prime256v1',
  ]);
  const encoded = layer?.annotations['dev.cosignproject.cosign/signature'] ?? '';
  return createVerify('sha256').update(payload.body).verify(key, Buffer.from(encoded, 'base64'));
}

describe.each(['proxy', 'redirect'] as const)('cosign signatures, %s mode', (registryMode) => {
  it('signs each index so that the served key verifies it', async () => {
    const factory = await standin({ registryMode, schematics: ['{}'] });
    expect(await verifyIndex(factory)).toBe(true);
  });

  it('can serve a signature that does not verify', async () => {
    const factory = await standin({ registryMode, schematics: ['{}'], signatures: 'bad' });
    expect(await verifyIndex(factory)).toBe(false);
  });

  it('can serve no signature at all', async () => {
    const factory = await standin({ registryMode, schematics: ['{}'], signatures: 'none' });
    expect(await verifyIndex(factory)).toBeUndefined();
  });
});
