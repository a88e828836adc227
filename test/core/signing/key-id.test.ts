// The key id as operators see it must read exactly as minisign prints it, including ids whose
// first hex digit is a zero (minisign prints those without it: printf's %PRIX64, no padding).
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePublicKey } from '../../../src/core/signing/index.js';

const HAS_MINISIGN = spawnSync('minisign', ['-v']).status === 0;

describe('key ids', () => {
  it('drop leading zeros, as minisign does', () => {
    // 'Ed', the key id (little-endian: its last byte is the most significant), a 32-byte key.
    const keyId = Buffer.from([0x83, 0xe0, 0xc4, 0x75, 0x9d, 0xa2, 0xfc, 0x0a]);
    const line = Buffer.concat([Buffer.from('Ed'), keyId, Buffer.alloc(32, 7)]).toString('base64');
    expect(parsePublicKey(line).keyId).toBe('AFCA29D75C4E083');
  });
});

describe.skipIf(!HAS_MINISIGN)('key ids (needs minisign from Debian; .ci/run installs it)', () => {
  it('match what minisign prints for many generated keys, leading zeros included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'key-ids-'));
    try {
      // About one key in sixteen starts with a zero nibble; 48 keys miss one with odds ~4%.
      for (let i = 0; i < 48; i += 1) {
        const pub = join(dir, `k${i}.pub`);
        const made = spawnSync('minisign', ['-G', '-W', '-p', pub, '-s', join(dir, `k${i}.key`)]);
        expect(made.status, made.stderr.toString()).toBe(0);
        const text = await readFile(pub, 'utf8');
        const printed = /minisign public key ([0-9A-F]+)/.exec(text)?.[1];
        expect(parsePublicKey(text).keyId).toBe(printed);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
