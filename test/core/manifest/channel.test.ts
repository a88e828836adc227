import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../../src/core/errors.js';
import {
  advanceChannel,
  nextPatchVersion,
  parseChannelFile,
} from '../../../src/core/manifest/index.js';
import type { ChannelEntry } from '../../../src/core/manifest/index.js';
import { schematicId } from './fixture.js';

function entry(releaseVersion: string): ChannelEntry {
  return {
    releaseVersion,
    manifest: `releases/${releaseVersion}.json`,
    talosVersion: 'v1.12.4',
    schematicId,
    releasedAt: '2026-11-22T03:00:00Z',
  };
}

describe('nextPatchVersion', () => {
  it.each<[string | undefined, string]>([
    [undefined, '0.1.0'],
    ['1.2.3', '1.2.4'],
    ['0.1.9', '0.1.10'],
    ['2.0.0-rc.1', '2.0.0'],
  ])('%s → %s', (current, next) => {
    expect(nextPatchVersion(current)).toBe(next);
  });

  it('rejects a current release that is not semver', () => {
    expect(() => nextPatchVersion('banana')).toThrow(UserInputError);
  });
});

describe('advanceChannel', () => {
  it('starts a channel with an empty history', () => {
    expect(advanceChannel(undefined, { channel: 'stable', ...entry('0.1.0') })).toEqual({
      channel: 'stable',
      current: entry('0.1.0'),
      history: [],
    });
  });

  it('moves the old current to the front of the history', () => {
    const first = advanceChannel(undefined, { channel: 'stable', ...entry('0.1.0') });
    const second = advanceChannel(first, { channel: 'stable', ...entry('0.1.1') });
    const third = advanceChannel(second, { channel: 'stable', ...entry('0.1.2') });
    expect(third.current.releaseVersion).toBe('0.1.2');
    expect(third.history.map((e) => e.releaseVersion)).toEqual(['0.1.1', '0.1.0']);
    expect(first.history).toEqual([]);
  });

  it('replaces an entry when the same version is released again', () => {
    const first = advanceChannel(undefined, { channel: 'stable', ...entry('0.1.0') });
    const second = advanceChannel(first, { channel: 'stable', ...entry('0.1.1') });
    const again = advanceChannel(second, { channel: 'stable', ...entry('0.1.1') });
    expect(again.history.map((e) => e.releaseVersion)).toEqual(['0.1.0']);
  });

  it('refuses to advance another channel', () => {
    const beta = advanceChannel(undefined, { channel: 'beta', ...entry('0.1.0') });
    expect(() => advanceChannel(beta, { channel: 'stable', ...entry('0.1.1') })).toThrow(/"beta"/);
  });
});

describe('parseChannelFile', () => {
  it('reads back what advanceChannel writes', () => {
    const file = advanceChannel(
      advanceChannel(undefined, { channel: 'stable', ...entry('0.1.0') }),
      { channel: 'stable', ...entry('0.1.1') },
    );
    expect(parseChannelFile(JSON.stringify(file), 'releases/channels/stable.json')).toEqual(file);
  });

  it('names the file and the field that is wrong', () => {
    const broken = {
      channel: 'stable',
      current: { ...entry('0.1.0'), releaseVersion: '../x' },
      history: [],
    };
    expect(() => parseChannelFile(JSON.stringify(broken), 'releases/channels/stable.json')).toThrow(
      /releases\/channels\/stable\.json[\s\S]*current\.releaseVersion/,
    );
  });
});
