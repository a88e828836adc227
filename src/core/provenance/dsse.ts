// A DSSE envelope around the statement, signed with the release's minisign key: Ed25519 over
// the pre-authentication encoding `DSSEv1 <len> <type> <len> <payload>`, the key named by its
// minisign key id (docs/distribution-protocol.md §6).
import { IntegrityError } from '../errors.js';
import { verifyDetached } from '../signing/index.js';
import type { PublicKey, SecretKey } from '../signing/index.js';
import { STATEMENT_TYPE } from './statement.js';
import type { ProvenanceStatement } from './statement.js';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface DsseEnvelope {
  readonly payloadType: string;
  /** base64 of the statement's JSON bytes. */
  readonly payload: string;
  readonly signatures: readonly { readonly keyid: string; readonly sig: string }[];
}

/** The pre-authentication encoding: lengths are byte counts in ASCII decimal. */
export function preAuthEncoding(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, 'utf8'),
    type,
    Buffer.from(` ${payload.length} `, 'utf8'),
    payload,
  ]);
}

export function signEnvelope(statement: ProvenanceStatement, secretKey: SecretKey): DsseEnvelope {
  const payload = Buffer.from(JSON.stringify(statement), 'utf8');
  const sig = secretKey.sign(preAuthEncoding(IN_TOTO_PAYLOAD_TYPE, payload));
  return {
    payloadType: IN_TOTO_PAYLOAD_TYPE,
    payload: payload.toString('base64'),
    signatures: [{ keyid: secretKey.keyId, sig: sig.toString('base64') }],
  };
}

/** Whether a parsed .intoto.json is an envelope (signed) rather than a bare statement. */
export function isEnvelope(value: unknown): value is DsseEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['payloadType'] === 'string' &&
    typeof v['payload'] === 'string' &&
    Array.isArray(v['signatures'])
  );
}

/**
 * The statement inside an envelope that `publicKey` signed; an IntegrityError naming `file`
 * when no signature by that key verifies or the payload is not an in-toto statement.
 */
export function verifyEnvelope(
  envelope: unknown,
  publicKey: PublicKey,
  file = 'the provenance envelope',
): ProvenanceStatement {
  const fix = 'Restore the provenance from the release, or cut the release again.';
  if (!isEnvelope(envelope)) {
    throw new IntegrityError(`${file} is not a signed DSSE envelope`, { hint: fix });
  }
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new IntegrityError(`${file} carries ${envelope.payloadType}, not an in-toto statement`, {
      hint: fix,
    });
  }
  const payload = Buffer.from(envelope.payload, 'base64');
  const encoded = preAuthEncoding(envelope.payloadType, payload);
  const ours = envelope.signatures.filter((s) => s.keyid === publicKey.keyId);
  if (ours.length === 0) {
    const ids = envelope.signatures.map((s) => String(s.keyid)).join(', ') || 'none';
    throw new IntegrityError(
      `${file} is not signed by key ${publicKey.keyId} (signed by: ${ids})`,
      { hint: 'Check that you passed the public key of the key that signed this release.' },
    );
  }
  const good = ours.some((s) =>
    verifyDetached(publicKey, encoded, Buffer.from(String(s.sig), 'base64')),
  );
  if (!good) {
    throw new IntegrityError(`${file} does not match its signature`, {
      hint: `The provenance changed after it was signed. ${fix}`,
    });
  }
  let statement: unknown;
  try {
    statement = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new IntegrityError(`${file} holds a payload that is not JSON`, { hint: fix });
  }
  if ((statement as { _type?: unknown } | null)?._type !== STATEMENT_TYPE) {
    throw new IntegrityError(`${file} holds something other than an in-toto Statement v1`, {
      hint: fix,
    });
  }
  return statement as ProvenanceStatement;
}
