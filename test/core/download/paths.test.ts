import { describe, expect, it } from 'vitest';
import { artifactPathFor, partPathFor } from '../../../src/core/download/paths.js';
import { parseContentRange } from '../../../src/core/download/content-range.js';

const id = '376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba';

describe('artifact paths', () => {
  it('name version, platform, architecture and the schematic prefix under artifacts/', () => {
    const path = artifactPathFor({
      version: '1.12.0',
      platform: 'metal',
      arch: 'amd64',
      schematicId: id,
      extension: '.iso',
    });
    expect(path).toBe('artifacts/talos-v1.12.0-metal-amd64-376567988ad3.iso');
    expect(partPathFor(path)).toBe(`${path}.part`);
  });

  it('never collide for two different releases', () => {
    const base = {
      version: 'v1.12.0',
      platform: 'metal',
      arch: 'amd64',
      schematicId: id,
      extension: '.iso',
    };
    const variants = [
      base,
      { ...base, version: 'v1.12.1' },
      { ...base, platform: 'nocloud' },
      { ...base, arch: 'arm64' },
      { ...base, schematicId: `ff${id.slice(2)}` },
      { ...base, secureBoot: true },
    ];
    expect(new Set(variants.map((name) => artifactPathFor(name))).size).toBe(variants.length);
  });
});

describe('Content-Range', () => {
  it('reads start, end and total of a 206 answer', () => {
    expect(parseContentRange('bytes 100-199/200')).toEqual({ start: 100, end: 199, total: 200 });
    expect(parseContentRange('bytes 0-9/*')).toEqual({ start: 0, end: 9, total: undefined });
  });

  it('rejects what is not a satisfied byte range', () => {
    expect(parseContentRange(undefined)).toBeUndefined();
    expect(parseContentRange('bytes */200')).toBeUndefined();
    expect(parseContentRange('bytes 9-1/200')).toBeUndefined();
  });
});
