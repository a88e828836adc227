// `talos-release` with no command: the wizard in a terminal, or the same pipeline headless
// with --yes / --dry-run. The presenter is chosen once, here.
import { UserInputError } from '../core/errors.js';
import { createFactoryClient } from '../core/factory/index.js';
import { describeWaiting } from '../core/http/index.js';
import { runRelease } from '../core/pipeline/index.js';
import { readToolVersion } from '../tool-version.js';
import type { CommandIo } from './io.js';
import { jsonLine, jsonReporter } from './presenters/json.js';
import { plainReporter } from './presenters/plain.js';
import { describeDryRun, describeRelease } from './presenters/result.js';
import { parseReleaseFlags } from './release-flags.js';
import { createRunHttp } from './run-http.js';
import { unlockSigningKey } from './sign-password.js';
import { withInterruptSignal } from './interrupt.js';

export async function runReleaseCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const flags = parseReleaseFlags(argv, io.cwd, io.env);
  if (flags.positionals.length > 0) {
    throw new UserInputError(`unknown command: ${flags.positionals[0]}`, {
      hint: 'Run talos-release --help for the commands and flags.',
    });
  }
  const headless = flags.yes || flags.request.dryRun;
  if (!headless) {
    if (!io.stdinIsTty || !io.stdoutIsTty)
      throw noTerminalError(
        'no terminal to run the wizard in (stdin or stdout is not a TTY)',
        flags.request.talosVersion,
      );
    // The wizard redraws with cursor movement, which a dumb terminal prints as garbage.
    if (io.env['TERM'] === 'dumb')
      throw noTerminalError(
        'the terminal cannot draw the wizard (TERM=dumb)',
        flags.request.talosVersion,
      );
    // React's development build keeps a performance entry per render, which grows the heap for
    // as long as a download redraws; the wizard is never a development session.
    process.env['NODE_ENV'] ??= 'production';
    // Asked on the terminal before the wizard draws, so the password prompt is a plain line.
    const signingKey = await unlockSigningKey(flags.request.signKey, io);
    const { runWizardCommand } = await import('./wizard.js');
    return runWizardCommand(flags.request, io, signingKey);
  }
  // Unlocked before anything is sent or downloaded: a wrong password costs seconds.
  const signingKey = flags.request.dryRun
    ? undefined
    : await unlockSigningKey(flags.request.signKey, io);
  if (signingKey && !flags.json) {
    io.stderr.write(`Signing with key ${signingKey.keyId} (${flags.request.signKey})\n`);
  }
  const toolVersion = readToolVersion();
  const http = createRunHttp(io.env, toolVersion);
  return withInterruptSignal(async (signal) => {
    const report = flags.json
      ? jsonReporter((line) => io.stdout.write(`${line}\n`))
      : plainReporter((line) => io.stderr.write(`${line}\n`));
    const client = createFactoryClient({
      baseUrl: flags.request.factoryUrl,
      http,
      signal,
      onWaiting: (event) => io.stderr.write(`${describeWaiting(event)}\n`),
    });
    const outcome = await runRelease(flags.request, {
      client,
      report,
      signal,
      http,
      toolVersion,
      signingKey,
    });
    if (flags.json) io.stdout.write(jsonLine({ event: 'result', ...resultJson(outcome) }));
    else
      io.stdout.write(
        outcome.kind === 'dry-run' ? describeDryRun(outcome) : describeRelease(outcome),
      );
    return 0;
  });
}

function resultJson(outcome: Awaited<ReturnType<typeof runRelease>>): Record<string, unknown> {
  const { plan } = outcome;
  const common = {
    dryRun: outcome.kind === 'dry-run',
    schematicId: plan.schematicId,
    canonical: plan.canonical,
    isoUrl: plan.refs.isoUrl,
    installerImage: plan.refs.installerImage,
    manifestPath: plan.paths.manifestRelative,
    channelPath: plan.paths.channelRelative,
    targets: plan.targets.map(({ name, kind, url, localPathRelative }) => ({
      name,
      kind,
      url,
      localPath: localPathRelative,
    })),
    installers: plan.installers.map(({ platform, secureboot, image }) => ({
      platform,
      secureboot,
      image,
    })),
    manifest: outcome.manifest,
  };
  if (outcome.kind === 'dry-run') return common;
  return {
    ...common,
    signaturePath: outcome.written.signaturePath,
    provenancePath: outcome.written.provenancePath,
    isoPath: plan.paths.isoRelative,
    sha256: outcome.iso.sha256,
    size: outcome.iso.size,
    installerPinned: outcome.installer.pinned,
    installerDigestReason: outcome.installer.reason,
    artifacts: plan.targets.map((target) => {
      const result = outcome.downloads.get(target.name);
      return {
        name: target.name,
        localPath: target.localPathRelative,
        sha256: result?.sha256,
        size: result?.size,
        reused: result?.reused,
      };
    }),
    installers: outcome.installers.map((i) => ({
      platform: i.platform,
      secureboot: i.secureboot,
      image: i.image,
      pinned: i.pinned,
      digest: i.digest,
      digestReason: i.reason,
      architectures: i.architectures,
    })),
  };
}

function noTerminalError(message: string, talosVersion: string | undefined): UserInputError {
  const missing = talosVersion ? '' : ' --talos-version <latest|1.12|v1.12.4>';
  return new UserInputError(message, {
    hint:
      `Run without screens: talos-release --yes${missing} (and --app-version <v> on a first release), ` +
      'or --dry-run to see what would happen.',
  });
}
