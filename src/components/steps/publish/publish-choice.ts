// The Publish screen's state and keys as one pure function, so every key is tested without a
// terminal: three rows (publish, skip, the destination being typed) and what Enter or `s` asks for.
import { parseRegistryDestination } from '../../../core/registry/index.js';
import type { Key } from 'ink';
import type { PublishSettings } from '../../../core/project-file/index.js';
import { isKey, typedText } from '../../keys.js';

export type PublishRow = 'publish' | 'skip' | 'destination';

const ROWS: readonly PublishRow[] = ['publish', 'skip', 'destination'];

export interface PublishChoice {
  readonly cursor: PublishRow;
  /** As typed; checked on every key (destinationProblem). */
  readonly destination: string;
  /** A problem Enter or `s` ran into, shown until the next key. */
  readonly problem: string | undefined;
}

/** What a key asks the screen to do beyond changing its own state. */
export type PublishEffect =
  | { readonly type: 'chosen'; readonly to: string | undefined }
  | { readonly type: 'save'; readonly settings: PublishSettings }
  | { readonly type: 'back' };

/** Skip when the file says so or names no destination; otherwise publish. */
export function initialPublishChoice(settings: PublishSettings): PublishChoice {
  const to = settings.to ?? '';
  const publish = !settings.skip && destinationProblem(to) === undefined;
  return { cursor: publish ? 'publish' : 'skip', destination: to, problem: undefined };
}

/**
 * Why `text` is not `<host[:port]>/<prefix>`, or undefined when it is: the core's own parser, so
 * the wizard and `publish --to` accept exactly the same destinations.
 */
export function destinationProblem(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'type a destination: <host[:port]>/<prefix>';
  try {
    parseRegistryDestination(trimmed);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function pressPublishKey(
  choice: PublishChoice,
  input: string,
  key: Key,
): { readonly choice: PublishChoice; readonly effect?: PublishEffect } {
  const next = (change: Partial<PublishChoice>) => ({
    choice: { ...choice, problem: undefined, ...change },
  });
  const index = ROWS.indexOf(choice.cursor);
  if (isKey('up', input, key)) return next({ cursor: ROWS[Math.max(0, index - 1)] ?? 'publish' });
  if (isKey('down', input, key))
    return next({ cursor: ROWS[Math.min(ROWS.length - 1, index + 1)] ?? 'destination' });
  if (isKey('back', input, key)) return { choice, effect: { type: 'back' } };
  const destination = choice.destination.trim();
  const problem = destinationProblem(destination);
  if (choice.cursor === 'destination') {
    if (isKey('erase', input, key)) return next({ destination: choice.destination.slice(0, -1) });
    // Enter takes the typed destination up to the Publish row, where the next Enter publishes.
    if (isKey('submit', input, key))
      return problem ? next({ problem }) : next({ cursor: 'publish', destination });
    const text = typedText(input, key);
    return text === '' ? { choice } : next({ destination: choice.destination + text });
  }
  if (isKey('submit', input, key)) {
    if (choice.cursor === 'skip') return { choice, effect: { type: 'chosen', to: undefined } };
    if (problem) return next({ cursor: 'destination', problem });
    return { choice, effect: { type: 'chosen', to: destination } };
  }
  if (isKey('save', input, key)) {
    if (destination !== '' && problem) return next({ problem });
    const settings = {
      to: destination === '' ? undefined : destination,
      skip: choice.cursor === 'skip',
    };
    if (!settings.skip && settings.to === undefined) return next({ problem });
    return { choice, effect: { type: 'save', settings } };
  }
  return { choice };
}
