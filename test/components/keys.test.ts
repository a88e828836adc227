// Ink hands every key read in one chunk to the handler as a single `input`: splitKeys turns that
// back into the keys a person pressed, so fast typing and pastes lose nothing.
import { describe, expect, it } from 'vitest';
import { NO_KEY_FLAGS, isKey, splitKeys, typedText } from '../../src/components/keys.js';
import type { KeyName } from '../../src/components/keys.js';

const NO_KEY = NO_KEY_FLAGS;

/** What each split key means to the wizard: a key name, or the text it types. */
function meaning(input: string): string[] {
  const names: KeyName[] = ['up', 'down', 'submit', 'erase', 'cancel', 'back', 'previousField'];
  return splitKeys(input, NO_KEY).map((press) => {
    if (press.key.tab && !press.key.shift) return 'tab';
    const name = names.find((candidate) => isKey(candidate, press.input, press.key));
    return name ?? `text:${typedText(press.input, press.key)}`;
  });
}

describe('splitKeys', () => {
  it('splits backspaces that arrive together into one erase each', () => {
    expect(meaning('\u007F\u007F\u007F')).toEqual(['erase', 'erase', 'erase']);
    expect(meaning('\b\b')).toEqual(['erase', 'erase']);
  });

  it('keeps typed text between the control keys in order', () => {
    expect(meaning('ab\u007Fc')).toEqual(['text:ab', 'erase', 'text:c']);
    expect(meaning('1.12\r')).toEqual(['text:1.12', 'submit']);
  });

  it('splits arrows typed fast or pasted', () => {
    expect(meaning('\u001B[B\u001B[B\u001B[A')).toEqual(['down', 'down', 'up']);
    expect(meaning('\u001BOB\u001BOB')).toEqual(['down', 'down']);
  });

  it('splits tabs, shift-tab, escape and ctrl-c out of a chunk', () => {
    expect(meaning('\t\t\u001B[Z')).toEqual(['tab', 'tab', 'previousField']);
    expect(meaning('ab\u0003')).toEqual(['text:ab', 'cancel']);
    expect(meaning('x\u001B')).toEqual(['text:x', 'back']);
  });

  it('hands a single key through as Ink parsed it', () => {
    const key = { ...NO_KEY, downArrow: true };
    expect(splitKeys('', key)).toEqual([{ input: '', key }]);
    expect(splitKeys('q', NO_KEY)).toEqual([{ input: 'q', key: NO_KEY }]);
  });
});
