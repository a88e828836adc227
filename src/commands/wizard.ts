// Mounts the Ink wizard. Only imported when stdin and stdout are terminals.
import type { ReleaseRequest } from '../core/pipeline/index.js';
import type { SecretKey } from '../core/signing/index.js';
import { readToolVersion } from '../tool-version.js';
import { runWizard } from '../components/run-wizard.js';
import { INTERRUPT_SIGNALS } from './interrupt.js';
import type { CommandIo } from './io.js';
import { createRunHttp } from './run-http.js';

export async function runWizardCommand(
  request: ReleaseRequest,
  io: CommandIo,
  signingKey?: SecretKey,
): Promise<number> {
  const controller = new AbortController();
  // Raw mode turns Ctrl-C into a key the wizard handles; a signal sent by another process
  // (kill, a closing terminal) takes the same path through the one AbortController.
  const abort = (): void => controller.abort();
  for (const name of INTERRUPT_SIGNALS) process.on(name, abort);
  try {
    const toolVersion = readToolVersion();
    return await runWizard({
      request,
      env: io.env,
      http: createRunHttp(io.env, toolVersion),
      controller,
      toolVersion,
      signingKey,
      terminal: {
        stdin: process.stdin,
        stdout: io.stdout as NodeJS.WriteStream,
        stderr: io.stderr as NodeJS.WriteStream,
      },
    });
  } finally {
    for (const name of INTERRUPT_SIGNALS) process.off(name, abort);
  }
}
