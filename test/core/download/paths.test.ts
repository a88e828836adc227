import { describe, expect, it } from 'vitest';
import { partPathFor } from '../../../src/core/download/paths.js';
import { parseContentRange } from '../../../src/core/download/content-range.js';

describe('partial download paths', () => {
  it('keep the .part beside the final file, so it is never mistaken for it', () => {
    expect(partPathFor('artifacts/talos.iso')).toBe('artifacts/talos.iso.part');
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
