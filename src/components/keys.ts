// Every key the wizard answers to, and the footer and help text built from the same table, so a
// hint can never name a key that does nothing.
import type { Key } from 'ink';

export type KeyName =
  | 'up'
  | 'down'
  | 'pageUp'
  | 'pageDown'
  | 'first'
  | 'last'
  | 'toggle'
  | 'submit'
  | 'back'
  | 'help'
  | 'cancel'
  | 'retry'
  | 'quit'
  | 'yes'
  | 'no'
  | 'nextField'
  | 'previousField'
  | 'useSuggestion'
  | 'primary'
  | 'save'
  | 'bundle'
  | 'edit'
  | 'erase';

const MATCHERS: Record<KeyName, (input: string, key: Key) => boolean> = {
  up: (_, key) => key.upArrow,
  down: (_, key) => key.downArrow,
  pageUp: (_, key) => key.pageUp,
  pageDown: (_, key) => key.pageDown,
  first: (_, key) => key.home,
  last: (_, key) => key.end,
  toggle: (input, key) => input === ' ' && !key.ctrl && !key.meta,
  submit: (_, key) => key.return,
  back: (_, key) => key.escape,
  help: (input, key) => input === '?' && !key.ctrl,
  cancel: (input, key) => key.ctrl && input === 'c',
  retry: (input, key) => input === 'r' && !key.ctrl,
  quit: (input, key) => input === 'q' && !key.ctrl,
  yes: (input, key) => input.toLowerCase() === 'y' && !key.ctrl,
  no: (input, key) => input.toLowerCase() === 'n' && !key.ctrl,
  nextField: (_, key) => (key.tab && !key.shift) || key.downArrow,
  previousField: (_, key) => (key.tab && key.shift) || key.upArrow,
  useSuggestion: (_, key) => key.tab && !key.shift,
  primary: (input, key) => input === 'p' && !key.ctrl && !key.meta,
  save: (input, key) => input === 's' && !key.ctrl && !key.meta,
  bundle: (input, key) => input === 'b' && !key.ctrl && !key.meta,
  edit: (input, key) => input === 'e' && !key.ctrl && !key.meta,
  erase: (_, key) => key.backspace || key.delete,
};

export function isKey(name: KeyName, input: string, key: Key): boolean {
  return MATCHERS[name](input, key);
}

/** Keys handled by the root at every step; screens ignore them. */
export function isGlobalKey(input: string, key: Key): boolean {
  return isKey('cancel', input, key) || isKey('help', input, key);
}

/** Printable text typed into a filter or a field (not a control key, not a global key). */
export function typedText(input: string, key: Key): string {
  if (key.ctrl || key.meta || key.tab || key.return || key.escape || isGlobalKey(input, key)) {
    return '';
  }
  // Pasted text arrives in one piece; keep only what can be typed.
  return [...input].filter((char) => char >= ' ' && char !== '\u007f').join('');
}

/** One key as a handler receives it. */
export interface KeyPress {
  readonly input: string;
  readonly key: Key;
}

/** A key with no flag set: what typed text arrives with. */
export const NO_KEY_FLAGS: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/** Escape sequences by what follows ESC (CSI `[…` and SS3 `O…` spellings). */
const SEQUENCES: Readonly<Record<string, Partial<Key>>> = {
  '[A': { upArrow: true },
  OA: { upArrow: true },
  '[B': { downArrow: true },
  OB: { downArrow: true },
  '[C': { rightArrow: true },
  OC: { rightArrow: true },
  '[D': { leftArrow: true },
  OD: { leftArrow: true },
  '[5~': { pageUp: true },
  '[6~': { pageDown: true },
  '[H': { home: true },
  OH: { home: true },
  '[1~': { home: true },
  '[7~': { home: true },
  '[F': { end: true },
  OF: { end: true },
  '[4~': { end: true },
  '[8~': { end: true },
  '[3~': { delete: true },
  '[Z': { tab: true, shift: true },
};

/** Single control characters, as Ink names them when one arrives alone. */
const CONTROLS: Readonly<Record<string, Partial<Key>>> = {
  '\r': { return: true },
  '\t': { tab: true },
  '\b': { backspace: true },
  '\u007f': { delete: true },
  '\u001b': { escape: true, meta: true },
};

// An escape sequence, one control character, or a run of printable text. Matching control
// characters is the point here.
const TOKEN =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001bO[@-~]|[\u0000-\u001f\u007f]|[^\u0000-\u001f\u007f]+/gu;

function pressFor(token: string): KeyPress {
  if (token.startsWith('\u001b') && token.length > 1) {
    const known = SEQUENCES[token.slice(1)];
    return { input: known ? '' : token.slice(1), key: { ...NO_KEY_FLAGS, meta: !known, ...known } };
  }
  const control = CONTROLS[token];
  if (control) return { input: '', key: { ...NO_KEY_FLAGS, ...control } };
  const code = token.charCodeAt(0);
  if (token.length === 1 && code < 0x20) {
    // Ctrl-A … Ctrl-Z arrive as 0x01 … 0x1a; Ink reports the letter with ctrl set.
    const letter = code >= 1 && code <= 26 ? String.fromCharCode(code + 96) : '';
    return { input: letter, key: { ...NO_KEY_FLAGS, ctrl: true } };
  }
  return { input: token, key: NO_KEY_FLAGS };
}

/**
 * Ink hands everything read at once to the handler as one `input`: backspaces typed fast, or text
 * with an Enter after it, would otherwise be one unrecognised key. This splits such a chunk into
 * the keys it holds. A run of printable text stays one piece, as a paste does; a single key passes
 * through exactly as Ink parsed it.
 */
export function splitKeys(input: string, key: Key): KeyPress[] {
  const tokens = input.match(TOKEN) ?? [];
  if (tokens.length <= 1) return [{ input, key }];
  return tokens.map(pressFor);
}

/** A footer or help entry: the keys as printed, and what they do. */
export type Hint = readonly [keys: string, action: string];

export type HintSet =
  | 'version'
  | 'extensions'
  | 'extensions-problem'
  | 'targets'
  | 'details'
  | 'preview'
  | 'preview-blocked'
  | 'working'
  | 'confirm'
  | 'publish'
  | 'publish-editing'
  | 'done'
  | 'done-editing'
  | 'failed'
  | 'failed-no-back';

const COMMON: readonly Hint[] = [
  ['?', 'help'],
  ['^C', 'cancel'],
];

export const HINTS: Record<HintSet, readonly Hint[]> = {
  version: [['↑↓', 'move'], ['type', 'filter'], ['enter', 'choose'], ...COMMON],
  extensions: [
    ['↑↓', 'move'],
    ['space', 'toggle'],
    ['type', 'filter'],
    ['enter', 'next'],
    ['esc', 'back'],
    ...COMMON,
  ],
  'extensions-problem': [
    ['tab', 'use suggestion'],
    ['space', 'drop it'],
    ['↑↓', 'move'],
    ['esc', 'back'],
    ...COMMON,
  ],
  targets: [
    ['↑↓', 'move'],
    ['space', 'pick'],
    ['p', 'primary'],
    ['s', 'save'],
    ['enter', 'next'],
    ['esc', 'back'],
    ...COMMON,
  ],
  details: [['tab ↑↓', 'field'], ['enter', 'next'], ['esc', 'back'], ...COMMON],
  preview: [['enter', 'submit and download'], ['esc', 'back'], ...COMMON],
  'preview-blocked': [['esc', 'back and fix'], ...COMMON],
  working: COMMON,
  confirm: [['enter/y', 'write'], ['n', 'leave without writing'], ...COMMON],
  publish: [['↑↓', 'move'], ['s', 'save'], ['enter', 'choose'], ['esc', 'back'], ...COMMON],
  'publish-editing': [['type', 'destination'], ['↑↓', 'move'], ['enter', 'use it'], ...COMMON],
  done: [
    ['b', 'bundle for an air-gapped site'],
    ['e', 'edit path'],
    ['enter', 'finish'],
    ...COMMON,
  ],
  'done-editing': [['type', 'bundle path'], ['enter', 'use it'], ['esc', 'undo'], ...COMMON],
  failed: [['r', 'retry'], ['esc', 'back'], ['q', 'quit'], ...COMMON],
  'failed-no-back': [['r', 'retry'], ['q', 'quit'], ...COMMON],
};

/** Every key, for the `?` screen. */
export const HELP_LINES: readonly Hint[] = [
  ['↑ ↓  PgUp PgDn', 'move through a list'],
  ['Home End', 'jump to the top or the bottom of a list'],
  ['letters, digits', 'filter a list, or type into a field'],
  ['backspace', 'erase the last character'],
  ['space', 'tick or untick an extension or a target'],
  ['p', 'targets: make the highlighted target the primary (listed first)'],
  ['s', 'targets, publish: save the choice to talos-release.yaml'],
  ['tab', 'next field; on a problem extension, use the suggested name'],
  ['enter', 'choose, continue, or confirm'],
  ['esc', 'clear the filter, or go back a step where that is safe'],
  ['y / n', 'write the release, or leave without writing'],
  ['b / e', 'done: bundle for an air-gapped site, or edit where the bundle goes'],
  ['r / q', 'after an error: retry, or quit'],
  ['?', 'show or hide this help'],
  ['^C (ctrl-c)', 'cancel now (a partial download is kept for next time; exit 130)'],
];

export function footerText(set: HintSet): string {
  return HINTS[set].map(([keys, action]) => `${keys} ${action}`).join('  ');
}
