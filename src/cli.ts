#!/usr/bin/env node
// The entry point: answers --help and --version without loading anything heavy, then hands the
// arguments to one command module, loaded on demand. The only place that sets the exit code.
import { HELP_TEXT } from './help.js';

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP_TEXT);
    return 0;
  }
  if (argv.includes('--version')) {
    const { readToolVersion } = await import('./tool-version.js');
    process.stdout.write(`${readToolVersion()}\n`);
    return 0;
  }
  const { dispatch } = await import('./commands/dispatch.js');
  return dispatch(argv);
}

// `talos-release publish … | head` closes our stdout early: that is the reader's choice, not a
// crash, so the run ends quietly as Unix tools do instead of printing an EPIPE stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Commands report their own errors; reaching this means a bug in the tool itself.
    process.stderr.write(`talos-release: unexpected error: ${String(error)}\n`);
    process.stderr.write(
      'This is a bug in talos-release. Please report it with the command you ran.\n',
    );
    process.exitCode = 1;
  },
);
