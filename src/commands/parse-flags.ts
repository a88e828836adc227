// One way for every command to read its flags: node:util's parser, strict, with its errors
// turned into short sentences that name the flag and, for a typo, the flag that was meant.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { closestNames } from '../core/catalogue/index.js';
import { errnoCode, messageOf, UserInputError } from '../core/errors.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandFlags<const O extends Options>(
  argv: readonly string[],
  options: O,
  usage: string,
) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UserInputError(describeFlagError(error, options), {
      hint: usage,
    });
  }
}

function describeFlagError(error: unknown, options: Options): string {
  // node:util quotes the flag first; the rest of its message is about positionals.
  const flag = /'([^' ]+)/.exec(messageOf(error))?.[1] ?? '';
  switch (errnoCode(error)) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const known = Object.keys(options).map((name) => `--${name}`);
      const [closest] = closestNames(flag, known, 1);
      return `unknown flag ${flag}${closest ? ` (did you mean ${closest}?)` : ''}`;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take/.test(messageOf(error))
        ? `the flag ${flag} takes no value`
        : `the flag ${flag} needs a value`;
    default:
      return messageOf(error);
  }
}
