// The sums file's signature check that `verify --bundle --pubkey` runs. The sums file may come
// out of a tar (held in memory), so it is written to a private temp file for the streaming
// verifier, which names it by its place in the bundle.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyFileSignature } from '../core/signing/index.js';
import { readPublicKeyArgument } from './public-key-argument.js';

export type SumsSignatureCheck = (sums: Buffer, signature: string, file: string) => Promise<string>;

export function checkSumsSignatureWith(pubkey: string, cwd: string): SumsSignatureCheck {
  const publicKey = readPublicKeyArgument(pubkey, cwd);
  return async (sums, signature, file) => {
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
  };
}
