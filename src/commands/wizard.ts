// Mounts the Ink wizard. Only imported when stdin and stdout are terminals.
import { createFactoryClient } from '../core/factory/index.js';
import type { ReleaseRequest } from '../core/pipeline/request.js';
import { readToolVersion } from '../tool-version.js';
import { mountWizard } from '../components/mount-wizard.js';
import { createCoreServices } from '../components/services/core-services.js';
import type { CommandIo } from './io.js';

export async function runWizardCommand(request: ReleaseRequest, io: CommandIo): Promise<number> {
  const toolVersion = readToolVersion();
  const controller = new AbortController();
  const client = createFactoryClient({
    baseUrl: request.factoryUrl,
    env: io.env,
    signal: controller.signal,
    userAgent: `talos-release/${toolVersion}`,
  });
  const runtime = createCoreServices({
    request,
    client,
    signal: controller.signal,
    env: io.env,
    toolVersion,
  });
  // Raw mode turns Ctrl-C into a key the wizard handles; a signal sent by another process
  // (kill, a closing terminal) takes the same path through the one AbortController.
  const abort = (): void => controller.abort();
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const name of signals) process.on(name, abort);
  try {
    return await mountWizard({
      request,
      runtime,
      controller,
      env: io.env,
      terminal: {
        stdin: process.stdin,
        stdout: io.stdout as NodeJS.WriteStream,
        stderr: io.stderr as NodeJS.WriteStream,
      },
    });
  } finally {
    for (const name of signals) process.off(name, abort);
  }
}
