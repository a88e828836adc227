// The index body verify reads the per-architecture digests from must be the index the digest
// names, and an index at all.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { IntegrityError } from '../../../src/core/errors.js';
import { indexArchitectures } from '../../../src/core/installer/index.js';

const digestOf = (body: Buffer) => `sha256:${createHash('sha256').update(body).digest('hex')}`;
const AMD = `sha256:${'1'.repeat(64)}`;
const ARM = `sha256:${'2'.repeat(64)}`;

function index(manifests: unknown): Buffer {
  return Buffer.from(JSON.stringify({ schemaVersion: 2, manifests }));
}

describe('indexArchitectures', () => {
  it('reads the linux children by architecture, leaving out attestations', () => {
    const body = index([
      { digest: AMD, platform: { os: 'linux', architecture: 'amd64' } },
      { digest: ARM, platform: { os: 'linux', architecture: 'arm64' } },
      { digest: `sha256:${'3'.repeat(64)}`, platform: { os: 'unknown', architecture: 'unknown' } },
    ]);
    expect(indexArchitectures(body, digestOf(body), 'x')).toEqual([
      { architecture: 'amd64', digest: AMD },
      { architecture: 'arm64', digest: ARM },
    ]);
  });

  it('refuses a body that does not hash to the digest', () => {
    const body = index([]);
    const other = `sha256:${'4'.repeat(64)}`;
    expect(() => indexArchitectures(body, other, 'http://r/v2/x')).toThrow(IntegrityError);
    expect(() => indexArchitectures(body, other, 'http://r/v2/x')).toThrow(
      `the installer index at http://r/v2/x hashes to ${digestOf(body)}, not ${other}`,
    );
  });

  it('refuses a manifest that is not an index', () => {
    const body = Buffer.from('{"schemaVersion":2,"layers":[]}');
    expect(() => indexArchitectures(body, digestOf(body), 'here')).toThrow('is not an image index');
  });
});
