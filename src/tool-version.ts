import { readFileSync } from 'node:fs';

/** The version from package.json, which sits one level above dist/ and src/. */
export function readToolVersion(): string {
  const raw = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  const parsed = JSON.parse(raw) as { version?: unknown };
  return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
}
