// Flag values more than one command reads the same way: which release a command is about, and
// how many things it does at once.
import { UserInputError } from '../core/errors.js';

/**
 * The one release version a command takes: `0.1.0`, or the manifest's path (`releases/0.1.0.json`)
 * for those who tab-complete.
 */
export function releaseVersionArgument(
  command: string,
  positionals: readonly string[],
  usage: string,
): string {
  const [first, ...extra] = positionals;
  if (first === undefined || extra.length > 0)
    throw new UserInputError(
      first === undefined
        ? `${command} needs the release version to ${command}`
        : `${command} takes one release version, not ${positionals.length}`,
      { hint: usage },
    );
  return /(?:^|\/)([^/]+)\.json$/.exec(first)?.[1] ?? first;
}

/** `--concurrency`: a whole number from 1 to 16; `what` says what runs at once, for the hint. */
export function concurrencyFlag(value: string | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = /^\d+$/.test(value) ? Number(value) : NaN;
  if (parsed >= 1 && parsed <= 16) return parsed;
  throw new UserInputError(
    `--concurrency must be a whole number from 1 to 16, not ${JSON.stringify(value)}`,
    { hint: `How many ${what} at once; the default is 3.` },
  );
}
