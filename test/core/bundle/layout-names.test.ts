// Which names a bundle may hold, and which --out is a tar.
import { describe, expect, it } from 'vitest';
import { bundleKindOf, isSafeBundlePath } from '../../../src/core/bundle/index.js';

describe('isSafeBundlePath', () => {
  it('accepts the paths a bundle is made of', () => {
    for (const name of [
      'README.txt',
      'releases/0.1.0.sha256sums.minisig',
      'images/blobs/sha256/' + 'a'.repeat(64),
      'artifacts/talos..iso',
    ])
      expect(isSafeBundlePath(name), name).toBe(true);
  });

  it('refuses anything that could land outside the bundle', () => {
    for (const name of ['', '../evil', 'a/../../evil', '/etc/passwd', 'a\\..\\b', 'a\0b', '..'])
      expect(isSafeBundlePath(name), JSON.stringify(name)).toBe(false);
  });
});

describe('bundleKindOf', () => {
  it('is a tar only for a .tar name', () => {
    expect(bundleKindOf('/site/b.tar')).toBe('tar');
    expect(bundleKindOf('/site/b')).toBe('dir');
    expect(bundleKindOf('/site/b.tar.gz')).toBe('dir');
  });
});
