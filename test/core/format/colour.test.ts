import { describe, expect, it } from 'vitest';
import { colourDisabled } from '../../../src/core/format/colour.js';

describe('colourDisabled', () => {
  it('is off for NO_COLOR with any value but the empty string, and for TERM=dumb', () => {
    expect(colourDisabled({ NO_COLOR: '1' })).toBe(true);
    expect(colourDisabled({ NO_COLOR: '' })).toBe(false);
    expect(colourDisabled({ TERM: 'dumb' })).toBe(true);
    expect(colourDisabled({ TERM: 'xterm-256color' })).toBe(false);
  });
});
