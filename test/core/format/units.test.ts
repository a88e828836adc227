import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatRate } from '../../../src/core/format/units.js';

describe('human units', () => {
  it.each([
    [0, '0 B'],
    [1023, '1023 B'],
    [1024, '1.0 KiB'],
    [200 * 1024 * 1024, '200.0 MiB'],
    [3 * 1024 ** 3 + 512 * 1024 ** 2, '3.5 GiB'],
  ])('writes %i bytes as %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('writes a rate per second', () => {
    expect(formatRate(1.5 * 1024 * 1024)).toBe('1.5 MiB/s');
  });

  it.each([
    [400, '0s'],
    [59_400, '59s'],
    [61_000, '1m01s'],
    [3_725_000, '1h02m'],
  ])('writes %i ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
