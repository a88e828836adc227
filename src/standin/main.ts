// `npm run factory -- --port 8080`: the stand-in on its own, until SIGINT or SIGTERM.
import { ReleaseError, exitCodeOf } from '../core/errors.js';
import { FACTORY_USAGE, parseFactoryArgs } from './args.js';
import { startStandin } from './server.js';

async function main(argv: readonly string[]): Promise<number> {
  const options = parseFactoryArgs(argv);
  if (options.help) {
    process.stdout.write(FACTORY_USAGE);
    return 0;
  }
  const standin = await startStandin(options);
  process.stdout.write(`Image Factory stand-in listening on ${standin.url}\n`);
  process.stdout.write(`Installer registry (redirect mode) on ${standin.registryUrl}\n`);
  process.stdout.write('Press Ctrl-C to stop.\n');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await standin.close();
  process.stdout.write('Stand-in stopped.\n');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message}\n`);
    if (error instanceof ReleaseError && error.hint) process.stderr.write(`hint: ${error.hint}\n`);
    if (!(error instanceof ReleaseError))
      process.stderr.write(`${String((error as Error).stack)}\n`);
    process.exitCode = exitCodeOf(error);
  },
);
