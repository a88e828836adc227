// --help and --version must stay fast: the bundle's entry may statically load only esbuild's
// small runtime chunk and Node built-ins; everything else (Ink, React, got) is loaded on demand.
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dist = new URL('../../dist/', import.meta.url);

function staticImports(file: URL): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(?:[^'"]*from\s+)?["']([^"']+)["'];?$/gm)].map(
    (match) => match[1] ?? '',
  );
}

describe('the bundled entry point', () => {
  it('statically loads nothing but Node built-ins and one small runtime chunk', () => {
    const imports = staticImports(new URL('cli.js', dist)).filter((s) => !s.startsWith('node:'));
    expect(imports.length).toBeLessThanOrEqual(1);
    for (const chunk of imports) {
      const file = new URL(chunk, dist);
      expect(statSync(file).size).toBeLessThan(16 * 1024);
      expect(staticImports(file).filter((s) => !s.startsWith('node:'))).toEqual([]);
    }
  });
});
