// `preflight`: the checks a release runs before it changes anything, all of them, as a
// checklist. It writes nothing to the repository; it only reads and asks the factory.
import { join } from 'node:path';
import { ReleaseError } from '../errors.js';
import { openReleaseSession, RELEASES_DIR, resolvePath } from '../pipeline/index.js';
import type { LoadedProject, ReleaseRequest, ReleaseSession } from '../pipeline/index.js';
import { checklistExitCode, skipped } from '../verify/index.js';
import type { CheckResult } from '../verify/index.js';
import { failureFrom } from './check-errors.js';
import { checkWritable } from './directory-checks.js';
import { DISK_CHECK_TITLE, ID_CHECK_TITLE, checkDiskForIso } from './disk-check.js';
import { checkFactoryAndVersion } from './factory-checks.js';
import { checkPlan, skippedPlanChecks } from './plan-checks.js';
import type { PlanOutcome } from './plan-checks.js';
import { checkSchematicPresent } from './schematic-check.js';
import type { PreflightDependencies, PreflightReport } from './types.js';

export async function runPreflight(
  request: ReleaseRequest,
  deps: PreflightDependencies,
): Promise<PreflightReport> {
  const root = resolvePath(deps.cwd ?? process.cwd(), request.root);
  // Preflight runs the release's own session up to the plan; it never locks, sends or writes.
  const session = openReleaseSession(
    { ...request, root },
    { factory: deps.factory, signal: deps.signal, http: deps.http, toolVersion: '', lockedBy: '' },
  );
  const checks: CheckResult[] = [];
  // Each line is reported as soon as it is known: the HEAD at the end can take minutes.
  const record = (...done: CheckResult[]): void => {
    checks.push(...done);
    for (const check of done) deps.onCheck?.(check);
  };
  record(await checkSchematicPresent(root, request.schematicPath));
  const schematicOk = checks[0]?.status === 'pass';
  const version = await checkFactoryAndVersion(session, request.talosVersion);
  record(...version.checks);

  const planned = await planIfPossible(session, schematicOk, version.talosVersion, checks);
  record(...planned.checks);
  record(await checkWritable('releases-dir', 'releases', join(root, RELEASES_DIR), root));
  record(
    await checkWritable(
      'artifacts-dir',
      'artifacts',
      resolvePath(root, request.artifactsDir),
      root,
    ),
  );

  let isoSize: number | undefined;
  // The disk check looks inside the artifacts directory, so it waits for that check too.
  const blocked = [...planned.checks, ...checks.slice(-1)].find(
    (check) => check.status !== 'pass' && check.id !== 'release-exists',
  );
  if (!planned.plan || blocked) {
    const why = blocked ? `fix "${blocked.title}" first` : 'the release could not be planned';
    record(skipped('schematic-id', ID_CHECK_TITLE, why), skipped('disk', DISK_CHECK_TITLE, why));
  } else {
    const disk = await checkDiskForIso(planned.plan, deps);
    record(...disk.checks);
    isoSize = disk.isoSize;
  }
  return {
    checks,
    exitCode: checklistExitCode(checks),
    talosVersion: version.talosVersion,
    releaseVersion: planned.releaseVersion,
    schematicId: planned.plan?.schematicId,
    isoUrl: planned.plan?.refs.isoUrl,
    isoSize,
  };
}

async function planIfPossible(
  session: ReleaseSession,
  schematicOk: boolean,
  talosVersion: string | undefined,
  earlier: readonly CheckResult[],
): Promise<PlanOutcome> {
  const none = (why: string): PlanOutcome => ({
    checks: skippedPlanChecks(why),
    plan: undefined,
    releaseVersion: session.request.releaseVersion,
  });
  if (!schematicOk) return none('the schematic is not valid');
  if (talosVersion === undefined) {
    const failedFirst = earlier.find((check) => check.status === 'fail');
    return none(failedFirst ? `fix "${failedFirst.title}" first` : 'no Talos version');
  }
  let project: LoadedProject;
  try {
    project = await session.load();
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    const why = 'the repository could not be read';
    return {
      ...none(why),
      checks: [failureFrom('project', 'repository readable', error), ...skippedPlanChecks(why)],
    };
  }
  let catalogue;
  try {
    catalogue = await session.catalogue(talosVersion);
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    const why = 'the extension catalogue is unavailable';
    return {
      ...none(why),
      checks: [
        failureFrom('extension', 'extensions available for the version', error),
        ...skippedPlanChecks(why).slice(1),
      ],
    };
  }
  return checkPlan(session, project, talosVersion, catalogue);
}
