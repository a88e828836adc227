// Runs the wizard on a terminal against a factory and resolves with the exit code once it ends.
// The root is the one caller of exit(); this waits for it, prints what must stay copyable, then
// waits for work a cancel interrupted (a download closing its .part file) and releases the lock.
import { render } from 'ink';
import { createFactoryClient } from '../core/factory/index.js';
import type { Http } from '../core/http/index.js';
import type { ReleaseRequest } from '../core/pipeline/index.js';
import type { SecretKey } from '../core/signing/index.js';
import type { WizardExit } from './exit-code.js';
import { createCoreServices } from './services/core-services.js';
import { themeFor } from './theme.js';
import { WizardApp } from './wizard-app.js';

export interface WizardTerminal {
  readonly stdin: NodeJS.ReadStream;
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

export interface RunWizardOptions {
  readonly request: ReleaseRequest;
  /** Read for NO_COLOR and TERM (the theme); proxies are the http layer's business. */
  readonly env: NodeJS.ProcessEnv;
  /** The run's one HTTP layer, made by the command with the tool's user agent. */
  readonly http: Http;
  readonly terminal: WizardTerminal;
  /** The run's one controller: aborting it (Ctrl-C, a signal) cancels the wizard. */
  readonly controller: AbortController;
  readonly toolVersion: string;
  /** Unlocked before the wizard started; the write step signs with it. */
  readonly signingKey?: SecretKey | undefined;
  /** Write every frame in full instead of redrawing (a test terminal reads frames this way). */
  readonly debug?: boolean;
}

export async function runWizard(options: RunWizardOptions): Promise<number> {
  const { request, env, http, terminal, controller, toolVersion } = options;
  const client = createFactoryClient({
    baseUrl: request.factoryUrl,
    http,
    signal: controller.signal,
  });
  const runtime = createCoreServices({
    request,
    client,
    signal: controller.signal,
    http,
    toolVersion,
    signingKey: options.signingKey,
    env,
  });
  try {
    const app = render(
      <WizardApp
        request={request}
        services={runtime.services}
        controller={controller}
        theme={themeFor(env)}
      />,
      { ...terminal, exitOnCtrlC: false, patchConsole: false, debug: options.debug ?? false },
    );
    const result = (await app.waitUntilExit()) as WizardExit | undefined;
    if (result?.epilogue) terminal.stdout.write(result.epilogue);
    return result?.exitCode ?? 0;
  } finally {
    await runtime.finish();
  }
}
