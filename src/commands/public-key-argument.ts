// `--pubkey <file|key>`: a .pub file (as keygen or minisign -G writes it), or the key's base64
// line itself, as minisign's -P takes it.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePublicKey } from '../core/signing/index.js';
import type { PublicKey } from '../core/signing/index.js';

export function readPublicKeyArgument(value: string, cwd: string): PublicKey {
  const path = resolve(cwd, value);
  if (existsSync(path)) return parsePublicKey(readFileSync(path, 'utf8'), value);
  return parsePublicKey(value, '--pubkey');
}
