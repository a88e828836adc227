// Cosign signatures of installer indexes, as the factory makes them: one ECDSA P-256 key per
// stand-in, its public half as PEM at /oci/cosign/signing-key.pub, and for each index an OCI
// manifest under the tag `sha256-<hex>.sig` whose one layer is the simple-signing payload, with
// the base64 signature of exactly those payload bytes in the layer's annotation.
import { createHash, createSign, generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Content, StoredManifest } from './installer-index.js';
import type { ManifestStore } from './manifest-store.js';

const OCI_MANIFEST_MEDIA_TYPE = 'application/vnd.oci.image.manifest.v1+json';
const OCI_CONFIG_MEDIA_TYPE = 'application/vnd.oci.image.config.v1+json';
const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';

/** 'valid' signs the payload; 'bad' signs other bytes, so verification must fail; 'none' omits the tag. */
export type SignatureMode = 'valid' | 'bad' | 'none';

export interface Signer {
  readonly publicKeyPem: string;
  sign(bytes: Buffer): Buffer;
}

export function newSigner(): Signer {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const pem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();
  return {
    publicKeyPem: pem(publicKey),
    // DER-encoded ECDSA over SHA-256, which is what cosign stores.
    sign: (bytes) => createSign('sha256').update(bytes).sign(privateKey),
  };
}

export interface SignatureImage {
  /** `sha256-<hex>.sig` */
  readonly tag: string;
  readonly manifest: StoredManifest;
  readonly blobs: readonly Content[];
}

function content(bytes: Buffer): Content {
  return { bytes, digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}` };
}

export function signatureTag(indexDigest: string): string {
  return `${indexDigest.replace(':', '-')}.sig`;
}

export function signatureImage(
  indexDigest: string,
  dockerReference: string,
  signer: Signer,
  mode: Exclude<SignatureMode, 'none'>,
): SignatureImage {
  const payload = content(
    Buffer.from(
      JSON.stringify({
        critical: {
          identity: { 'docker-reference': dockerReference },
          image: { 'docker-manifest-digest': indexDigest },
          type: 'cosign container image signature',
        },
        optional: null,
      }),
    ),
  );
  const signed =
    mode === 'valid' ? payload.bytes : Buffer.concat([payload.bytes, Buffer.from('\n')]);
  const config = content(
    Buffer.from(
      JSON.stringify({
        architecture: '',
        created: '0001-01-01T00:00:00Z',
        os: '',
        rootfs: { type: 'layers', diff_ids: [payload.digest] },
        config: {},
      }),
    ),
  );
  const manifest = content(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST_MEDIA_TYPE,
        config: {
          mediaType: OCI_CONFIG_MEDIA_TYPE,
          size: config.bytes.length,
          digest: config.digest,
        },
        layers: [
          {
            mediaType: SIMPLE_SIGNING_MEDIA_TYPE,
            size: payload.bytes.length,
            digest: payload.digest,
            annotations: { [SIGNATURE_ANNOTATION]: signer.sign(signed).toString('base64') },
          },
        ],
      }),
    ),
  );
  return {
    tag: signatureTag(indexDigest),
    manifest: { ...manifest, mediaType: OCI_MANIFEST_MEDIA_TYPE },
    blobs: [config, payload],
  };
}

/** Signs a freshly built index and stores the signature image beside it, as the factory's build does. */
export function storeSignature(
  store: ManifestStore,
  repository: string,
  dockerReference: string,
  index: StoredManifest,
  signer: Signer,
  mode: SignatureMode,
): void {
  if (mode === 'none') return;
  const signature = signatureImage(index.digest, dockerReference, signer, mode);
  store.putManifest(repository, signature.manifest, signature.tag);
  for (const blob of signature.blobs) store.putBlob(repository, blob);
}
