// Our minisign formats against the real minisign 0.11: it must accept what we sign (with keys we
// made, encrypted or not) and we must accept what it signs, and reject a one-byte change.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode, IntegrityError, UserInputError } from '../../../src/core/errors.js';
import {
  generateKeyPair,
  parsePublicKey,
  parseSecretKey,
  secretKeyIsEncrypted,
  signFile,
  verifyFileSignature,
} from '../../../src/core/signing/index.js';

const HAS_MINISIGN = spawnSync('minisign', ['-v']).status === 0;
// scrypt with minisign's sensitive limits needs 1 GiB and a few seconds per unlock.
const SLOW = 120_000;

/** Runs minisign with `input` on stdin (it reads a password there when stdin is not a terminal). */
function minisign(args: string[], cwd: string, input = '') {
  return spawnSync('minisign', args, { cwd, input, encoding: 'utf8', timeout: 60_000 });
}

describe.skipIf(!HAS_MINISIGN)('minisign interoperability (needs /usr/bin/minisign)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'signing-'));
    await writeFile(join(dir, 'release.sha256sums'), `${'a'.repeat(64)}  artifacts/x.iso\n`);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function ourSignature(password?: string) {
    const pair = await generateKeyPair({ password });
    await writeFile(join(dir, 'our.pub'), pair.publicKeyFile);
    await writeFile(join(dir, 'our.key'), pair.secretKeyFile, { mode: 0o600 });
    const key = await parseSecretKey(pair.secretKeyFile, password, 'our.key');
    const file = join(dir, 'release.sha256sums');
    await writeFile(`${file}.minisig`, await signFile(file, key));
    return pair;
  }

  it('minisign -V accepts our signature made with an unencrypted key', async () => {
    const pair = await ourSignature();
    const result = minisign(['-V', '-P', pair.publicKeyLine, '-m', 'release.sha256sums'], dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Signature and comment signature verified');
    expect(result.stdout).toMatch(
      /Trusted comment: timestamp:\d+\tfile:release\.sha256sums\thashed/,
    );
    // And with the public key file, as an operator would keep it.
    const withFile = minisign(['-V', '-p', 'our.pub', '-m', 'release.sha256sums'], dir);
    expect(withFile.status, withFile.stderr).toBe(0);
  });

  it(
    'minisign -V accepts our signature made with a password-encrypted key, and minisign can sign with that key',
    async () => {
      const pair = await ourSignature('correct horse');
      expect(secretKeyIsEncrypted(pair.secretKeyFile)).toBe(true);
      const result = minisign(['-V', '-P', pair.publicKeyLine, '-m', 'release.sha256sums'], dir);
      expect(result.status, result.stderr).toBe(0);
      // The reverse: minisign unlocks our encrypted key (the password piped on stdin).
      const signed = minisign(
        ['-S', '-s', 'our.key', '-m', 'release.sha256sums', '-x', 'theirs.minisig'],
        dir,
        'correct horse\n',
      );
      expect(signed.status, signed.stderr).toBe(0);
      const wrong = minisign(
        ['-S', '-s', 'our.key', '-m', 'release.sha256sums', '-x', 'wrong.minisig'],
        dir,
        'battery staple\n',
      );
      expect(wrong.status).not.toBe(0);
      expect(`${wrong.stdout}${wrong.stderr}`).toMatch(/wrong password/i);
    },
    SLOW,
  );

  it('we verify what minisign -G -W and minisign -S sign, and reject a one-byte change', async () => {
    execFileSync('minisign', ['-G', '-W', '-p', 'm.pub', '-s', 'm.key'], { cwd: dir });
    minisign(['-S', '-s', 'm.key', '-m', 'release.sha256sums'], dir);
    const file = join(dir, 'release.sha256sums');
    const signature = await readFile(`${file}.minisig`, 'utf8');
    const publicKey = parsePublicKey(await readFile(join(dir, 'm.pub'), 'utf8'));
    const verified = await verifyFileSignature(file, signature, publicKey);
    expect(verified.keyId).toBe(publicKey.keyId);
    expect(verified.prehashed).toBe(true);
    expect(verified.trustedComment).toMatch(/^timestamp:\d+\tfile:release\.sha256sums\thashed$/);
    // minisign prints the key id the way we do.
    expect(await readFile(join(dir, 'm.pub'), 'utf8')).toContain(publicKey.keyId);

    await appendFile(file, 'x');
    const failure = await verifyFileSignature(file, signature, publicKey).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(IntegrityError);
    expect((failure as IntegrityError).exitCode).toBe(ExitCode.integrity);
    expect((failure as Error).message).toContain(file);
  });

  it('we sign with a key minisign -G -W made, and minisign -V accepts it', async () => {
    execFileSync('minisign', ['-G', '-W', '-p', 'm.pub', '-s', 'm.key'], { cwd: dir });
    const key = await parseSecretKey(await readFile(join(dir, 'm.key'), 'utf8'));
    expect(key.keyId).toBe(parsePublicKey(await readFile(join(dir, 'm.pub'), 'utf8')).keyId);
    const file = join(dir, 'release.sha256sums');
    await writeFile(
      `${file}.minisig`,
      await signFile(file, key, { trustedComment: 'release 0.1.0' }),
    );
    const result = minisign(['-V', '-p', 'm.pub', '-m', 'release.sha256sums'], dir);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Trusted comment: release 0.1.0');
  });

  it(
    'we unlock a key minisign -G encrypted, and a wrong password is refused without echoing it',
    async () => {
      minisign(['-G', '-p', 'm.pub', '-s', 'm.key'], dir, 'pass phrase\npass phrase\n');
      const text = await readFile(join(dir, 'm.key'), 'utf8');
      const key = await parseSecretKey(text, 'pass phrase', 'm.key');
      expect(key.keyId).toBe(parsePublicKey(await readFile(join(dir, 'm.pub'), 'utf8')).keyId);
      const wrong = await parseSecretKey(text, 'not it', 'm.key').catch((e: unknown) => e);
      expect(wrong).toBeInstanceOf(UserInputError);
      expect((wrong as Error).message).toBe('wrong password for m.key');
      expect(JSON.stringify(wrong)).not.toContain('not it');
    },
    SLOW,
  );

  it('rejects a signature by another key, a changed trusted comment and a legacy signature of a changed file', async () => {
    const pair = await ourSignature();
    const file = join(dir, 'release.sha256sums');
    const signature = await readFile(`${file}.minisig`, 'utf8');
    const other = parsePublicKey((await generateKeyPair()).publicKeyLine);
    await expect(verifyFileSignature(file, signature, other)).rejects.toThrow(
      new RegExp(`made with key ${pair.keyId}, not with the given key ${other.keyId}`),
    );
    const lines = signature.split('\n');
    lines[2] = `${lines[2]} edited`;
    await expect(
      verifyFileSignature(file, lines.join('\n'), parsePublicKey(pair.publicKeyFile)),
    ).rejects.toThrow(/trusted comment of .* does not match/);

    // Legacy (non-prehashed) `Ed` signatures, as minisign wrote before 0.11 (-l still does).
    execFileSync('minisign', ['-G', '-W', '-p', 'm.pub', '-s', 'm.key'], { cwd: dir });
    const legacy = minisign(
      ['-S', '-l', '-s', 'm.key', '-m', 'release.sha256sums', '-x', 'l.minisig'],
      dir,
    );
    expect(legacy.status, legacy.stderr).toBe(0);
    const mine = parsePublicKey(await readFile(join(dir, 'm.pub'), 'utf8'));
    const text = await readFile(join(dir, 'l.minisig'), 'utf8');
    expect((await verifyFileSignature(file, text, mine)).prehashed).toBe(false);
    await appendFile(file, '\n');
    await expect(verifyFileSignature(file, text, mine)).rejects.toBeInstanceOf(IntegrityError);
  });
});
