import { describe, expect, it } from 'vitest';
import { newestPatchOf } from '../../../src/core/status/index.js';
import { classifyVersions } from '../../../src/core/versions/index.js';

describe('newestPatchOf', () => {
  const versions = classifyVersions(['v1.11.5', 'v1.12.3', 'v1.12.10', 'v1.13.0', 'v1.12.11-rc.0']);

  it('finds the newest stable patch of the same minor line', () => {
    expect(newestPatchOf(versions, 'v1.12.3')).toBe('v1.12.10');
    expect(newestPatchOf(versions, '1.11.0')).toBe('v1.11.5');
  });

  it('has no answer for a minor line the list lacks', () => {
    expect(newestPatchOf(versions, 'v1.10.1')).toBeUndefined();
  });
});
