// A terminal for running the whole wizard in-process: a TTY-like stdin the test types into, and a
// stdout that keeps every frame (the wizard runs with debug frames, each one complete).
import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';
import type { WizardTerminal } from '../../src/components/run-wizard.js';
import { pollUntil } from './helpers.js';

class FakeOutput extends EventEmitter {
  readonly isTTY = true;
  readonly columns = 100;
  readonly rows = 30;
  readonly writes: string[] = [];
  write = (chunk: string): boolean => {
    this.writes.push(chunk);
    return true;
  };
}

class FakeInput extends EventEmitter {
  readonly isTTY = true;
  private pending: string | null = null;
  write(data: string): void {
    this.pending = data;
    this.emit('readable');
  }
  read = (): string | null => {
    const data = this.pending;
    this.pending = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

export interface FakeTerminal {
  readonly terminal: WizardTerminal;
  /** The newest complete frame, ANSI stripped. */
  frame(): string;
  /** Everything written, ANSI stripped (frames and what follows the wizard). */
  output(): string;
  waitForText(text: string, timeoutMs?: number): Promise<string>;
  /** Types keys and waits until the screen changes. */
  press(keys: string): Promise<string>;
}

export function fakeTerminal(): FakeTerminal {
  const stdout = new FakeOutput();
  const stderr = new FakeOutput();
  const stdin = new FakeInput();
  const frame = (): string =>
    stripVTControlCharacters(stdout.writes[stdout.writes.length - 1] ?? '');
  const waitForText = (text: string, timeoutMs?: number): Promise<string> =>
    pollUntil(
      () => (frame().includes(text) ? frame() : undefined),
      () => `"${text}"; last frame:\n${frame()}`,
      timeoutMs,
    );
  return {
    terminal: {
      stdin: stdin as unknown as NodeJS.ReadStream,
      stdout: stdout as unknown as NodeJS.WriteStream,
      stderr: stderr as unknown as NodeJS.WriteStream,
    },
    frame,
    output: () => stripVTControlCharacters(stdout.writes.join('')),
    waitForText,
    press: async (keys) => {
      const before = frame();
      stdin.write(keys);
      return pollUntil(
        () => (frame() !== before ? frame() : undefined),
        () => `the screen to change after ${JSON.stringify(keys)}; last frame:\n${frame()}`,
      );
    },
  };
}
