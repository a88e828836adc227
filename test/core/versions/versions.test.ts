import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../../src/core/errors.js';
import {
  classifyVersions,
  latestStable,
  resolveVersionSelector,
} from '../../../src/core/versions/index.js';

// Shaped like the factory's answer: ascending, with pre-releases of the newest minor only.
const listed = [
  'v1.10.9',
  'v1.11.0',
  'v1.11.6',
  'v1.12.0',
  'v1.12.3',
  'v1.12.4',
  'v1.13.0-alpha.1',
  'v1.13.0-beta.0',
];

describe('classifyVersions', () => {
  it('sorts newest first and marks pre-releases and minor lines', () => {
    expect(classifyVersions(listed).slice(0, 4)).toEqual([
      { version: 'v1.13.0-beta.0', prerelease: true, minor: '1.13' },
      { version: 'v1.13.0-alpha.1', prerelease: true, minor: '1.13' },
      { version: 'v1.12.4', prerelease: false, minor: '1.12' },
      { version: 'v1.12.3', prerelease: false, minor: '1.12' },
    ]);
  });

  it('orders by semver, not by text (1.9 before 1.10)', () => {
    const versions = classifyVersions(['v1.9.6', 'v1.10.0', 'v1.2.0']).map((v) => v.version);
    expect(versions).toEqual(['v1.10.0', 'v1.9.6', 'v1.2.0']);
  });

  it('drops entries that are not versions', () => {
    expect(classifyVersions(['v1.12.0', 'garbage', '']).map((v) => v.version)).toEqual(['v1.12.0']);
  });
});

describe('latestStable', () => {
  it('skips a trailing pre-release', () => {
    expect(latestStable(listed)).toBe('v1.12.4');
  });
  it('is undefined when only pre-releases exist', () => {
    expect(latestStable(['v1.13.0-alpha.1'])).toBeUndefined();
  });
});

describe('resolveVersionSelector', () => {
  it.each([
    ['v1.12.3', 'v1.12.3'],
    ['1.12.3', 'v1.12.3'],
    ['latest', 'v1.12.4'],
    ['LATEST', 'v1.12.4'],
    ['1.12', 'v1.12.4'],
    ['v1.11', 'v1.11.6'],
    ['pre', 'v1.13.0-beta.0'],
    ['1.13.0-alpha.1', 'v1.13.0-alpha.1'],
  ])('%s → %s', (selector, expected) => {
    expect(resolveVersionSelector(selector, listed)).toBe(expected);
  });

  function failure(
    selector: string,
    list: readonly string[] = listed,
    broken: readonly string[] = [],
  ): UserInputError {
    try {
      resolveVersionSelector(selector, list, broken);
    } catch (error) {
      if (error instanceof UserInputError) return error;
      throw error;
    }
    throw new Error(`expected ${selector} to be rejected`);
  }

  it('rejects an unlisted exact version and suggests the same minor line', () => {
    const error = failure('v1.12.9');
    expect(error.message).toContain('v1.12.9');
    expect(error.hint).toContain('v1.12.4');
    expect(error.hint).toContain('v1.12.3');
  });

  it('suggests the newest versions for a version beyond everything listed', () => {
    const error = failure('v999.0.0');
    expect(error.hint).toContain(
      'Closest listed versions: v1.13.0-beta.0, v1.13.0-alpha.1, v1.12.4.',
    );
  });

  it('suggests the same minor line first, then the newest, for a later minor line', () => {
    expect(failure('v1.12.99').hint).toContain(
      'Closest listed versions: v1.12.4, v1.12.3, v1.12.0.',
    );
    expect(failure('1.99').hint).toContain('Closest listed versions: v1.13.0-beta.0');
  });

  it('says when an unlisted version was withdrawn as broken', () => {
    const error = failure('1.12.2', listed, ['v1.12.2']);
    expect(error.message).toContain('marked broken');
    expect(error.hint).toContain('v1.12.3');
  });

  it('says a minor line with only pre-releases has no stable release', () => {
    const error = failure('1.13');
    expect(error.message).toContain('no stable release');
    expect(error.hint).toContain('v1.13.0-beta.0');
  });

  it('rejects an unknown minor line with nearby versions', () => {
    expect(failure('1.8').hint).toContain('v1.10.9');
  });

  it('rejects text that is no selector', () => {
    expect(failure('newest').message).toContain('"newest"');
  });

  it('rejects pre when no pre-release is listed', () => {
    expect(failure('pre', ['v1.12.0']).message).toContain('no pre-release');
  });
});
