// The factory's cosign signature of an installer index, checked as cosign checks it
// (docs/distribution-protocol.md §1.2): the `.sig` tag holds a manifest whose simple-signing layer
// is a payload naming the index digest, and the layer's annotation is an ECDSA P-256 / SHA-256
// signature of exactly those payload bytes under the key the factory serves.
import { createPublicKey, createVerify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { IntegrityError, NetworkError, UserInputError } from '../errors.js';
import {
  assertAllowedUrl,
  describeNetworkFailure,
  isTransientStatus,
  refusalForUrl,
  requestApi,
} from '../http/index.js';
import type { Http } from '../http/index.js';
import { digestHex } from './digest-check.js';
import { readSmallBlob } from './read-small-blob.js';
import { isMissingManifest } from './missing.js';
import { MEDIA_TYPES } from './types.js';
import type { ManifestBytes, OciSource } from './types.js';

export const COSIGN_SIGNATURE_ANNOTATION = 'dev.cosignproject.cosign/signature';
/** A simple-signing payload is a few hundred bytes; refuse to hold anything much larger. */
const MAX_PAYLOAD_BYTES = 64 * 1024;
const KEY_DEADLINE_MS = 60_000;

/** The tag cosign stores an image's signature under: `sha256-<hex>.sig`. */
export function cosignSignatureTag(digest: string): string {
  return `sha256-${digestHex(digest, 'the cosign signature tag')}.sig`;
}

/** The factory's signing key (PEM), from GET /oci/cosign/signing-key.pub. */
export async function fetchCosignPublicKey(
  http: Http,
  factoryUrl: string,
  signal?: AbortSignal,
): Promise<string> {
  const url = new URL('/oci/cosign/signing-key.pub', factoryUrl);
  assertAllowedUrl(url, 'factory URL');
  let answer;
  try {
    answer = await requestApi(http, {
      method: 'GET',
      url,
      deadlineMs: KEY_DEADLINE_MS,
      maxBytes: 64 * 1024,
      signal,
    });
  } catch (error) {
    if (error instanceof UserInputError || error instanceof NetworkError) throw error;
    if (signal?.aborted) throw error;
    throw new NetworkError(
      `could not fetch the signing key from ${url.href}: ${describeNetworkFailure(error)}`,
      { cause: error, hint: 'Check the network, any proxy and the factory URL, then run again.' },
    );
  }
  if (answer.status !== 200) {
    if (isTransientStatus(answer.status))
      throw new NetworkError(`the factory answered HTTP ${answer.status} for ${url.href}`, {
        hint: 'The factory is unavailable for now; run again later.',
      });
    throw refusalForUrl('GET', url, answer.status, answer.body);
  }
  publicKeyOf(answer.body, url.href);
  return answer.body;
}

/** Parses the PEM and insists on the key type cosign signs installers with. */
function publicKeyOf(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new IntegrityError(`the cosign public key from ${where} is not a PEM public key`, {
      cause: error,
      hint: 'Check that the URL or file is the factory signing key (GET /oci/cosign/signing-key.pub).',
    });
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    throw new IntegrityError(`the cosign public key from ${where} is not an ECDSA P-256 key`, {
      hint: 'The factory signs installers with ECDSA P-256; check where the key came from.',
    });
  return key;
}

export interface CosignCheckRequest {
  /** The repository holding the index and its `.sig` tag. */
  readonly source: OciSource;
  readonly indexDigest: string;
  readonly publicKeyPem: string;
  readonly signal?: AbortSignal | undefined;
}

export type CosignCheck =
  | {
      readonly status: 'verified';
      /** The digest of the signature manifest, so the caller can copy it beside the index. */
      readonly signatureDigest: string;
      readonly signatureManifest: ManifestBytes;
    }
  | { readonly status: 'missing' };

interface SignatureLayer {
  readonly mediaType?: unknown;
  readonly digest?: unknown;
  readonly size?: unknown;
  readonly annotations?: Readonly<Record<string, unknown>>;
}

interface LayerVerdict {
  readonly signatureVerifies: boolean;
  readonly signedDigest: string | undefined;
}

export async function checkCosignSignature(request: CosignCheckRequest): Promise<CosignCheck> {
  const { source, indexDigest, signal } = request;
  const key = publicKeyOf(request.publicKeyPem, 'the given key');
  const tag = cosignSignatureTag(indexDigest);
  let manifest: ManifestBytes;
  try {
    manifest = await source.manifest(tag, signal);
  } catch (error) {
    if (isMissingManifest(error)) return { status: 'missing' };
    throw error;
  }
  const where = `${source.description}:${tag}`;
  const verdicts: LayerVerdict[] = [];
  for (const layer of signatureLayers(manifest, where)) {
    verdicts.push(await checkLayer(source, layer, key, where, signal));
  }
  const good = verdicts.some((v) => v.signatureVerifies && v.signedDigest === indexDigest);
  if (good)
    return { status: 'verified', signatureDigest: manifest.digest, signatureManifest: manifest };
  const other = verdicts.find((v) => v.signatureVerifies)?.signedDigest;
  if (other !== undefined)
    throw new IntegrityError(
      `the cosign signature at ${where} is for ${other}, not for the index ${indexDigest}`,
      { hint: 'The signature tag holds a signature of another image; do not mirror this index.' },
    );
  throw new IntegrityError(
    `the cosign signature at ${where} does not verify with the factory's public key`,
    {
      hint: 'The index or its signature was changed, or the key is not the factory key; do not mirror this index.',
    },
  );
}

function signatureLayers(manifest: ManifestBytes, where: string): SignatureLayer[] {
  let parsed: { layers?: unknown };
  try {
    parsed = JSON.parse(manifest.bytes.toString('utf8')) as { layers?: unknown };
  } catch {
    throw new IntegrityError(`the cosign signature manifest at ${where} is not JSON`);
  }
  const layers = Array.isArray(parsed.layers) ? (parsed.layers as SignatureLayer[]) : [];
  const signed = layers.filter((layer) => layer.mediaType === MEDIA_TYPES.cosignSimpleSigning);
  if (signed.length === 0)
    throw new IntegrityError(`the cosign signature manifest at ${where} has no signature layer`, {
      hint: 'The signature tag holds something other than a cosign signature; do not mirror this index.',
    });
  return signed;
}

async function checkLayer(
  source: OciSource,
  layer: SignatureLayer,
  key: KeyObject,
  where: string,
  signal: AbortSignal | undefined,
): Promise<LayerVerdict> {
  if (typeof layer.digest !== 'string' || typeof layer.size !== 'number')
    throw new IntegrityError(`a signature layer at ${where} has no digest or size`);
  if (layer.size > MAX_PAYLOAD_BYTES)
    throw new IntegrityError(
      `the signature payload ${layer.digest} at ${where} is ${layer.size} bytes, too large for a cosign payload`,
    );
  const descriptor = {
    mediaType: MEDIA_TYPES.cosignSimpleSigning,
    digest: layer.digest,
    size: layer.size,
  };
  const payload = await readSmallBlob(source, descriptor, signal);
  const encoded = layer.annotations?.[COSIGN_SIGNATURE_ANNOTATION];
  const signature = typeof encoded === 'string' ? Buffer.from(encoded, 'base64') : undefined;
  const signatureVerifies =
    signature !== undefined &&
    signature.length > 0 &&
    createVerify('sha256').update(payload).verify(key, signature);
  return { signatureVerifies, signedDigest: signedDigestOf(payload) };
}

function signedDigestOf(payload: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(payload.toString('utf8')) as {
      critical?: { image?: { 'docker-manifest-digest'?: unknown } };
    };
    const digest = parsed.critical?.image?.['docker-manifest-digest'];
    return typeof digest === 'string' ? digest : undefined;
  } catch {
    return undefined;
  }
}
