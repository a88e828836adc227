// Renders the wizard on a terminal and resolves with the exit code once it ends. The root is the
// one caller of exit(); this waits for it, prints what must stay copyable, then waits for work a
// cancel interrupted (a download closing its .part file) and releases the repository lock.
import { render } from 'ink';
import type { ReleaseRequest } from '../core/pipeline/request.js';
import type { WizardExit } from './exit-code.js';
import type { WizardRuntime } from './services/core-services.js';
import { themeFor } from './theme.js';
import { WizardApp } from './wizard-app.js';

export interface WizardTerminal {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

export interface MountOptions {
  readonly request: ReleaseRequest;
  readonly runtime: WizardRuntime;
  /** The run's one controller: aborting it (Ctrl-C, a signal) cancels the wizard. */
  readonly controller: AbortController;
  readonly env: NodeJS.ProcessEnv;
  readonly terminal: WizardTerminal;
}

export async function mountWizard(options: MountOptions): Promise<number> {
  const { request, runtime, controller, env, terminal } = options;
  try {
    const app = render(
      <WizardApp
        request={request}
        services={runtime.services}
        controller={controller}
        theme={themeFor(env)}
      />,
      { ...terminal, exitOnCtrlC: false, patchConsole: false },
    );
    const result = (await app.waitUntilExit()) as WizardExit | undefined;
    if (result?.epilogue) terminal.stdout.write(result.epilogue);
    return result?.exitCode ?? 0;
  } finally {
    await runtime.finish();
  }
}
