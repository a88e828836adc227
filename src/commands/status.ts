// `talos-release status`: for a scheduled CI job. Exit 0 when the channel's current release is
// current, 10 when a new one is due, the usual codes for errors; --json for bots.
import { resolve } from 'node:path';
import { UserInputError } from '../core/errors.js';
import { createFactoryClient, resolveFactoryUrl } from '../core/factory/index.js';
import { checkStatus, RELEASE_DUE_EXIT_CODE } from '../core/status/index.js';
import type { StatusReport } from '../core/status/index.js';
import { readToolVersion } from '../tool-version.js';
import { createRunHttp } from './run-http.js';
import { withInterruptSignal } from './interrupt.js';
import type { CommandIo } from './io.js';
import { parseCommandFlags } from './parse-flags.js';
import { jsonLine } from './presenters/json.js';

const STATUS_USAGE =
  'Run talos-release status [--channel <name>] [--root <dir>] [--factory-url <url>] [--offline] [--json].';

const STATUS_OPTIONS = {
  channel: { type: 'string' },
  root: { type: 'string' },
  'factory-url': { type: 'string' },
  offline: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

export async function runStatus(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandFlags(argv, STATUS_OPTIONS, STATUS_USAGE);
  if (positionals.length > 0) {
    throw new UserInputError(`status takes flags only, not ${JSON.stringify(positionals[0])}`, {
      hint: STATUS_USAGE,
    });
  }
  const flagUrl = values['factory-url'];
  const report = await withInterruptSignal((signal) =>
    checkStatus({
      root: resolve(io.cwd, values.root ?? '.'),
      channel: values.channel ?? 'stable',
      factory:
        values.offline === true
          ? undefined
          : (recorded) =>
              createFactoryClient({
                // --factory-url, else TALOS_FACTORY_URL, else the factory the release came from.
                baseUrl: resolveFactoryUrl(
                  flagUrl ?? (io.env['TALOS_FACTORY_URL'] ? undefined : recorded),
                  io.env,
                ),
                http: createRunHttp(io.env, readToolVersion()),
                signal,
              }),
    }),
  );
  const exitCode = report.due ? RELEASE_DUE_EXIT_CODE : 0;
  io.stdout.write(
    values.json === true ? jsonLine({ ...report, exitCode }) : describeStatus(report),
  );
  return exitCode;
}

function describeStatus(report: StatusReport): string {
  const checked = report.offline ? 'the schematic (offline)' : 'the schematic and the factory';
  const lines = [
    `Channel ${report.channel}: release ${report.releaseVersion} (Talos ${report.talosVersion}, schematic ${report.schematicId})`,
    `Checked ${checked}.`,
    ...report.findings.map((finding) => `  ${finding.due ? 'due: ' : 'note:'} ${finding.message}`),
    report.due
      ? 'A new release is due (exit 10).'
      : `Release ${report.releaseVersion} is current (exit 0).`,
  ];
  return `${lines.join('\n')}\n`;
}
