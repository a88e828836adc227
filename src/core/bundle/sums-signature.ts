// The sums file's signature check of `verify --bundle --pubkey` and `publish --from --pubkey`.
// The sums may come out of a tar (held in memory), so they are written to a private temp file for
// the streaming verifier, which names them by their place in the bundle.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyFileSignature } from '../signing/index.js';
import type { PublicKey } from '../signing/index.js';

/** Checks `sums` against its .minisig text; returns what to show (key id, trusted comment). */
export async function verifySumsSignature(
  publicKey: PublicKey,
  sums: Buffer,
  signature: string,
  file: string,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'talos-release-sums-'));
  try {
    const path = join(dir, 'sums');
    await writeFile(path, sums);
    const verified = await verifyFileSignature(path, signature, publicKey, {
      file,
      signatureFile: `${file}.minisig`,
    });
    return `key ${verified.keyId}; ${verified.trustedComment}`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
