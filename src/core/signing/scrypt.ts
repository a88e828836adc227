// The password of an encrypted secret key becomes an XOR stream through scrypt, exactly as
// libsodium's crypto_pwhash_scryptsalsa208sha256 does it: the file stores libsodium's
// (opslimit, memlimit), and libsodium turns those into scrypt's (N, r, p). node:crypto runs the
// same scrypt once it is given the same N, r, p (docs/distribution-protocol.md §5).
import { scrypt } from 'node:crypto';
import { UserInputError } from '../errors.js';

/** libsodium's *_SENSITIVE limits, which `minisign -G` uses: N = 2^20, r = 8, p = 1 (1 GiB). */
export const SENSITIVE_OPSLIMIT = 33_554_432n;
export const SENSITIVE_MEMLIMIT = 1_073_741_824n;

export interface ScryptParameters {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** What libsodium's pickparams() chooses for (opslimit, memlimit). */
export function scryptParameters(opslimit: bigint, memlimit: bigint): ScryptParameters {
  const ops = opslimit < 32_768n ? 32_768n : opslimit;
  const r = 8n;
  let nLog2 = 1n;
  let p = 1n;
  if (ops < memlimit / 32n) {
    const maxN = ops / (r * 4n);
    for (nLog2 = 1n; nLog2 < 63n; nLog2 += 1n) if (1n << nLog2 > maxN / 2n) break;
  } else {
    const maxN = memlimit / (r * 128n);
    for (nLog2 = 1n; nLog2 < 63n; nLog2 += 1n) if (1n << nLog2 > maxN / 2n) break;
    let maxrp = ops / 4n / (1n << nLog2);
    if (maxrp > 0x3fffffffn) maxrp = 0x3fffffffn;
    p = maxrp / r;
  }
  return { N: Number(1n << nLog2), r: Number(r), p: Number(p) };
}

/** A key asking for more than this is refused rather than allowed to exhaust memory. */
const MAX_SCRYPT_BYTES = 4 * 1024 ** 3;

export function scryptStream(
  password: string,
  salt: Buffer,
  length: number,
  parameters: ScryptParameters,
  file: string,
): Promise<Buffer> {
  const { N, r, p } = parameters;
  const needed = 128 * N * r + 128 * r * p;
  if (needed > MAX_SCRYPT_BYTES || p < 1) {
    throw new UserInputError(`${file} asks for scrypt parameters this tool refuses (N=${N})`, {
      hint: 'Generate a new key with talos-release keygen, or with minisign -G.',
    });
  }
  return new Promise((resolve, reject) => {
    // node refuses above 32 MiB by default; minisign's keys need 1 GiB.
    scrypt(
      Buffer.from(password, 'utf8'),
      salt,
      length,
      { N, r, p, maxmem: needed + 2 ** 20 },
      (e, k) => (e ? reject(e) : resolve(k)),
    );
  });
}
