// `talos-release preflight [release flags]`: the release's own checks as a checklist on stdout,
// with the reason and the fix under each failure. Exit 0 when all pass; it writes nothing.
import { UserInputError } from '../core/errors.js';
import { createFactoryClient } from '../core/factory/index.js';
import { runPreflight as runPreflightChecks } from '../core/preflight/index.js';
import type { PreflightDependencies, PreflightReport } from '../core/preflight/index.js';
import type { ReleaseRequest } from '../core/pipeline/index.js';
import { buildingNotes } from './presenters/building-notes.js';
import { checklistSummary, marksFor, renderCheck } from './presenters/checklist.js';
import { formatBytes } from '../core/download/index.js';
import { readToolVersion } from '../tool-version.js';
import { withInterruptSignal } from './interrupt.js';
import type { CommandIo } from './io.js';
import { parseReleaseFlags } from './release-flags.js';
import { createRunHttp } from './run-http.js';

export async function runPreflight(argv: readonly string[], io: CommandIo): Promise<number> {
  const flags = parseReleaseFlags(argv, io.cwd, io.env);
  if (flags.positionals.length > 0) {
    throw new UserInputError(
      `preflight takes flags only, not ${JSON.stringify(flags.positionals[0])}`,
      {
        hint: 'Run talos-release preflight --talos-version <v> [release flags]; see --help.',
      },
    );
  }
  const marks = marksFor(io.stdoutIsTty, io.env);
  if (!flags.json) io.stdout.write(`Preflight for ${flags.request.root}\n`);
  const report = await withInterruptSignal((signal) =>
    preflight(flags.request, io, signal, {
      onCheck: flags.json
        ? undefined
        : (check) => io.stdout.write(`${renderCheck(check, marks)}\n`),
      onBuilding: buildingNotes((line) => io.stderr.write(`${line}\n`), 'the ISO'),
    }),
  );
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ ok: report.exitCode === 0, ...report })}\n`);
    return report.exitCode;
  }
  for (const line of facts(report)) io.stdout.write(`${line}\n`);
  io.stdout.write(checklistSummary(report.checks, 'ready: every check passed'));
  return report.exitCode;
}

function preflight(
  request: ReleaseRequest,
  io: CommandIo,
  signal: AbortSignal,
  listeners: Pick<PreflightDependencies, 'onCheck' | 'onBuilding'>,
): Promise<PreflightReport> {
  const http = createRunHttp(io.env, readToolVersion());
  const factory = createFactoryClient({ baseUrl: request.factoryUrl, http, signal });
  return runPreflightChecks(request, { factory, http, signal, cwd: io.cwd, ...listeners });
}

/** What the checks worked out along the way, so the operator sees what a release would use. */
function facts(report: PreflightReport): string[] {
  const lines: string[] = [];
  if (report.talosVersion) lines.push(`  Talos version:   ${report.talosVersion}`);
  if (report.releaseVersion) lines.push(`  release version: ${report.releaseVersion}`);
  if (report.schematicId) lines.push(`  schematic ID:    ${report.schematicId}`);
  if (report.isoUrl) {
    const size = report.isoSize === undefined ? '' : ` (${formatBytes(report.isoSize)})`;
    lines.push(`  ISO:             ${report.isoUrl}${size}`);
  }
  return lines;
}
