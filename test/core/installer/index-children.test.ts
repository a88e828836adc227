import { describe, expect, it } from 'vitest';
import { architectureDigests } from '../../../src/core/installer/index.js';
import { IntegrityError } from '../../../src/core/errors.js';

const digest = (c: string) => `sha256:${c.repeat(64)}`;

describe('architectureDigests', () => {
  it('reads the linux/amd64 and linux/arm64 entries of an index, in that order', () => {
    const index = {
      schemaVersion: 2,
      manifests: [
        { digest: digest('b'), platform: { os: 'linux', architecture: 'arm64' } },
        { digest: digest('c'), platform: { os: 'windows', architecture: 'amd64' } },
        { digest: digest('a'), platform: { os: 'linux', architecture: 'amd64' } },
      ],
    };
    expect(architectureDigests(Buffer.from(JSON.stringify(index)), 'test')).toEqual([
      { architecture: 'amd64', digest: digest('a') },
      { architecture: 'arm64', digest: digest('b') },
    ]);
  });

  it('refuses a single-platform manifest where an index was expected', () => {
    const manifest = { schemaVersion: 2, layers: [] };
    expect(() => architectureDigests(Buffer.from(JSON.stringify(manifest)), 'test')).toThrow(
      IntegrityError,
    );
  });
});
