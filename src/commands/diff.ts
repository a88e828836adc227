// `talos-release diff [<from>] [<to>]`: what changed between two releases of a channel, as text,
// --json, or --markdown release notes. Reads manifests only; no network.
import { resolve } from 'node:path';
import { diffReleases, loadReleasePair } from '../core/diff/index.js';
import { UserInputError } from '../core/errors.js';
import type { CommandIo } from './io.js';
import { parseCommandFlags } from './parse-flags.js';
import { describeDiff } from './presenters/diff-text.js';
import { releaseNotesMarkdown } from './presenters/diff-markdown.js';
import { jsonLine } from './presenters/json.js';

const DIFF_USAGE =
  'Run talos-release diff [<from>] [<to>] [--channel <name>] [--root <dir>] [--json | --markdown].';

const DIFF_OPTIONS = {
  channel: { type: 'string' },
  root: { type: 'string' },
  json: { type: 'boolean' },
  markdown: { type: 'boolean' },
} as const;

export async function runDiff(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandFlags(argv, DIFF_OPTIONS, DIFF_USAGE);
  if (positionals.length > 2) {
    throw new UserInputError(`diff compares two releases, not ${positionals.length}`, {
      hint: DIFF_USAGE,
    });
  }
  if (values.json === true && values.markdown === true) {
    throw new UserInputError('--json and --markdown cannot be combined', { hint: DIFF_USAGE });
  }
  // One name alone is the release to compare the channel's current one with.
  const [from, to] = positionals;
  const pair = await loadReleasePair({
    root: resolve(io.cwd, values.root ?? '.'),
    channel: values.channel ?? 'stable',
    from,
    to,
  });
  const diff = diffReleases(pair.from, pair.to);
  if (values.json === true) io.stdout.write(jsonLine(diff));
  else if (values.markdown === true) io.stdout.write(releaseNotesMarkdown(diff));
  else io.stdout.write(describeDiff(diff));
  return 0;
}
