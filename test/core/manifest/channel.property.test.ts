import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advanceChannel,
  nextPatchVersion,
  parseChannelFile,
} from '../../../src/core/manifest/index.js';
import type { ChannelFile } from '../../../src/core/manifest/index.js';

const id = 'f'.repeat(64);

describe('a channel advanced release after release', () => {
  it('keeps every distinct release once, newest first, and stays a valid channel file', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 20 }),
        (patches) => {
          let file: ChannelFile | undefined;
          for (const patch of patches) {
            file = advanceChannel(file, {
              channel: 'stable',
              releaseVersion: `1.0.${patch}`,
              manifest: `releases/1.0.${patch}.json`,
              talosVersion: 'v1.12.4',
              schematicId: id,
              releasedAt: '2026-11-22T03:00:00Z',
            });
          }
          if (!file) throw new Error('no channel');
          const order = [file.current, ...file.history].map((e) => e.releaseVersion);
          // Most recent release first; a re-release moves to the front instead of repeating.
          const expected = [...patches].reverse().filter((p, i, all) => all.indexOf(p) === i);
          expect(order).toEqual(expected.map((p) => `1.0.${p}`));
          expect(parseChannelFile(JSON.stringify(file), 'stable.json')).toEqual(file);
        },
      ),
    );
  });

  it('nextPatchVersion always yields a greater version', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.nat(1000), (major, minor, patch) => {
        const current = `${major}.${minor}.${patch}`;
        expect(nextPatchVersion(current)).toBe(`${major}.${minor}.${patch + 1}`);
      }),
    );
  });
});
