// Picks the command module from the first argument. Each module is imported only when used,
// so `id` never loads Ink and `verify` never loads the wizard.
import { processIo } from './io.js';
import { errorJson } from './presenters/error-json.js';
import { jsonLine } from './presenters/json.js';
import { reportError } from './report-error.js';

export async function dispatch(argv: readonly string[]): Promise<number> {
  const io = processIo();
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'id': {
        const { runId } = await import('./id.js');
        return await runId(rest, io);
      }
      case 'verify': {
        const { runVerify } = await import('./verify.js');
        return await runVerify(rest, io);
      }
      case 'preflight': {
        const { runPreflight } = await import('./preflight.js');
        return await runPreflight(rest, io);
      }
      case 'diff': {
        const { runDiff } = await import('./diff.js');
        return await runDiff(rest, io);
      }
      case 'bundle': {
        const { runBundle } = await import('./bundle.js');
        return await runBundle(rest, io);
      }
      case 'publish': {
        const { runPublish } = await import('./publish.js');
        return await runPublish(rest, io);
      }
      case 'keygen': {
        const { runKeygen } = await import('./keygen.js');
        return await runKeygen(rest, io);
      }
      case 'status': {
        const { runStatus } = await import('./status.js');
        return await runStatus(rest, io);
      }
      default: {
        const { runReleaseCommand } = await import('./release.js');
        return await runReleaseCommand(argv, io);
      }
    }
  } catch (error) {
    // Machines reading --json get the failure as the last stdout line; people read stderr.
    if (argv.includes('--json')) io.stdout.write(jsonLine(errorJson(error)));
    return reportError(error, io);
  }
}
