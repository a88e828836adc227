// The factory's cosign signature, checked before anything is mirrored: a good one verifies, a bad
// one stops the run (exit 5), and an index without one is reported as missing.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IntegrityError } from '../../../src/core/errors.js';
import { resolveInstallerDigest } from '../../../src/core/installer/index.js';
import {
  checkCosignSignature,
  cosignSignatureTag,
  factoryRegistrySource,
  fetchCosignPublicKey,
} from '../../../src/core/oci/index.js';
import { testHttp } from '../http/test-http.js';
import { factory, REPOSITORY, TAG } from './helpers.js';

async function check(options: Parameters<typeof factory>[0], key?: string) {
  const standin = await factory(options);
  const http = testHttp();
  const { digest } = await resolveInstallerDigest({
    http,
    registryBase: standin.url,
    repository: REPOSITORY,
    tag: TAG,
  });
  const source = factoryRegistrySource({ http, registryBase: standin.url, repository: REPOSITORY });
  const publicKeyPem = key ?? (await fetchCosignPublicKey(http, standin.url));
  return { digest, result: checkCosignSignature({ source, indexDigest: digest, publicKeyPem }) };
}

describe('the cosign signature tag', () => {
  it('is sha256-<hex>.sig, and refuses what is not a sha256 digest', () => {
    expect(cosignSignatureTag(`sha256:${'ab'.repeat(32)}`)).toBe(`sha256-${'ab'.repeat(32)}.sig`);
    expect(() => cosignSignatureTag('sha256:../../x')).toThrow(/not sha256/);
  });
});

describe.each(['proxy', 'redirect'] as const)('the cosign check, %s mode', (registryMode) => {
  it('verifies a good signature and names the signature manifest', async () => {
    const { digest, result } = await check({ registryMode });
    const verified = await result;
    expect(verified.status).toBe('verified');
    if (verified.status !== 'verified') return;
    expect(verified.signatureManifest.digest).toBe(verified.signatureDigest);
    expect(verified.signatureManifest.bytes.toString()).toContain(
      'application/vnd.dev.cosign.simplesigning.v1+json',
    );
    expect(digest).toMatch(/^sha256:/);
  });

  it('stops with exit 5 on a signature that does not verify', async () => {
    const { result } = await check({ registryMode, signatures: 'bad' });
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as IntegrityError).exitCode).toBe(5);
    expect((error as Error).message).toMatch(/does not verify/);
  });

  it('reports a source without a signature as missing', async () => {
    const { result } = await check({ registryMode, signatures: 'none' });
    expect(await result).toEqual({ status: 'missing' });
  });
});

describe('the cosign check, wrong inputs', () => {
  it('a key other than the factory key does not verify (exit 5)', async () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const { result } = await check({}, other);
    await expect(result).rejects.toBeInstanceOf(IntegrityError);
  });

  it('a signature for another index is named as such (exit 5)', async () => {
    const standin = await factory();
    const http = testHttp();
    const { digest } = await resolveInstallerDigest({
      http,
      registryBase: standin.url,
      repository: REPOSITORY,
      tag: TAG,
    });
    const real = factoryRegistrySource({ http, registryBase: standin.url, repository: REPOSITORY });
    const other = `sha256:${'1'.repeat(64)}`;
    // A source that serves the real index's signature under another index's tag.
    const source = {
      ...real,
      manifest: (reference: string) =>
        real.manifest(
          reference === cosignSignatureTag(other) ? cosignSignatureTag(digest) : reference,
        ),
    };
    const publicKeyPem = await fetchCosignPublicKey(http, standin.url);
    const error = await checkCosignSignature({ source, indexDigest: other, publicKeyPem }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as Error).message).toContain(`is for ${digest}`);
  });
});
