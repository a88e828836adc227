import { readFileSync } from 'node:fs';

/**
 * The version from package.json. This module runs from src/ (tests), dist/ (tsc) or a bundle
 * chunk in dist/chunks/, so it walks up to the nearest package.json that is this tool's.
 */
export function readToolVersion(): string {
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const parsed = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (parsed.name === 'talos-release' && typeof parsed.version === 'string') {
        return parsed.version;
      }
    } catch {
      // Not there: try one level up.
    }
  }
  return '0.0.0';
}
