// Polling helpers over ink-testing-library: input written before a component subscribes is lost,
// and frames arrive asynchronously, so tests wait for what a person would see instead of sleeping.
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';

const POLL_MS = 5;
const DEFAULT_TIMEOUT_MS = 5_000;

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  enter: '\r',
  escape: '\u001B',
  space: ' ',
  tab: '\t',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;

export interface InkHarness {
  /** The last frame with ANSI codes stripped. */
  frame(): string;
  /** How many frames Ink has drawn so far. */
  frameCount(): number;
  /** Writes keys and waits until the frame changes. */
  press(keys: string): Promise<string>;
  /** Writes keys one at a time, each waiting for its frame. */
  type(text: string): Promise<string>;
  waitForText(text: string, timeoutMs?: number): Promise<string>;
  waitFor(predicate: (frame: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
  write(keys: string): void;
  unmount(): void;
}

export function pollUntil<T>(
  check: () => T | undefined,
  what: string | (() => string),
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<T> {
  return pollUntilAsync(async () => check(), what, timeoutMs);
}

/** Checks until `check` gives a value, with a deadline; a timeout names what was awaited. */
export async function pollUntilAsync<T>(
  check: () => Promise<T | undefined>,
  what: string | (() => string),
  timeoutMs = DEFAULT_TIMEOUT_MS,
  intervalMs = POLL_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      const described = typeof what === 'string' ? what : what();
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${described}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export function renderInk(element: ReactElement): InkHarness {
  const instance = render(element);
  const frame = (): string => stripVTControlCharacters(instance.lastFrame() ?? '');
  const waitFor = (predicate: (text: string) => boolean, what: string, timeoutMs?: number) =>
    pollUntil(
      () => {
        const current = frame();
        return predicate(current) ? current : undefined;
      },
      () => `${what}; last frame:\n${frame()}`,
      timeoutMs,
    );
  const press = async (keys: string): Promise<string> => {
    const before = frame();
    instance.stdin.write(keys);
    return waitFor(
      (current) => current !== before,
      `the frame to change after ${JSON.stringify(keys)}`,
    );
  };
  return {
    frame,
    frameCount: () => instance.frames.length,
    press,
    type: async (text) => {
      for (const char of text) await press(char);
      return frame();
    },
    waitForText: (text, timeoutMs) =>
      waitFor((current) => current.includes(text), `"${text}"`, timeoutMs),
    waitFor,
    write: (keys) => instance.stdin.write(keys),
    unmount: () => instance.unmount(),
  };
}
