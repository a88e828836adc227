// Check 10: room for the ISO. Its size comes from a HEAD of its URL, which needs the factory to
// know the schematic: it is submitted first (idempotent and content-addressed, like a release
// does), and the factory's answer is held to the local ID on the way.
import { formatBytes, nodeFileSystem, partPathFor } from '../download/index.js';
import { ExitCode } from '../errors.js';
import type { ReleasePlan } from '../pipeline/index.js';
import { bytesStillNeeded } from '../pipeline/index.js';
import { failed, headContentLength, passed, skipped } from '../verify/index.js';
import type { CheckResult } from '../verify/index.js';
import { failureFrom } from './check-errors.js';
import { nearestExisting } from './directory-checks.js';
import type { PreflightDependencies } from './types.js';

export const DISK_CHECK_TITLE = 'enough free disk for the ISO';
export const ID_CHECK_TITLE = 'factory computes the same schematic ID';

export interface DiskOutcome {
  readonly checks: CheckResult[];
  readonly isoSize: number | undefined;
}

export async function checkDiskForIso(
  plan: ReleasePlan,
  deps: PreflightDependencies,
): Promise<DiskOutcome> {
  let answer;
  try {
    answer = await deps.factory.createSchematic(plan.canonical);
  } catch (error) {
    return { checks: [failureFrom('schematic-id', ID_CHECK_TITLE, error)], isoSize: undefined };
  }
  if (answer.id !== plan.schematicId) {
    const mismatch = failed('schematic-id', ID_CHECK_TITLE, {
      detail: `the factory (${answer.server ?? 'no Server header'}) encodes the schematic differently, or its answer was altered`,
      expected: `${plan.schematicId} (computed locally)`,
      actual: `${answer.id} (returned by the factory)`,
      fix: 'Check the factory URL; a release would stop here with an integrity error.',
      exitCode: ExitCode.integrity,
    });
    return {
      checks: [mismatch, skipped('disk', DISK_CHECK_TITLE, 'the schematic ID is disputed')],
      isoSize: undefined,
    };
  }
  const agreed = passed('schematic-id', ID_CHECK_TITLE, plan.schematicId);
  if (plan.targets.length > 1)
    return { checks: [agreed, await checkAllTargets(plan, deps)], isoSize: undefined };
  let size: number | undefined;
  try {
    size = await headContentLength(plan.refs.isoUrl, {
      http: deps.http,
      signal: deps.signal,
      backoffMs: deps.backoffMs,
      onBuilding: deps.onBuilding,
    });
  } catch (error) {
    return { checks: [agreed, failureFrom('disk', DISK_CHECK_TITLE, error)], isoSize: undefined };
  }
  if (size === undefined) {
    return {
      checks: [
        agreed,
        skipped('disk', DISK_CHECK_TITLE, 'the factory did not say how big the ISO is'),
      ],
      isoSize: undefined,
    };
  }
  return { checks: [agreed, await compareWithFreeSpace(plan, size, deps)], isoSize: size };
}

/** Several targets share the disk: the sum of what is still to fetch must fit. */
async function checkAllTargets(
  plan: ReleasePlan,
  deps: PreflightDependencies,
): Promise<CheckResult> {
  const sizes = new Map<string, number | undefined>();
  try {
    for (const target of plan.targets) {
      const size = await headContentLength(target.url, {
        http: deps.http,
        signal: deps.signal,
        backoffMs: deps.backoffMs,
        onBuilding: deps.onBuilding,
      });
      sizes.set(target.name, size);
    }
  } catch (error) {
    return failureFrom('disk', DISK_CHECK_TITLE, error);
  }
  const unknown = plan.targets.filter((t) => sizes.get(t.name) === undefined).map((t) => t.name);
  if (unknown.length > 0)
    return skipped(
      'disk',
      DISK_CHECK_TITLE,
      `the factory did not say how big ${unknown.join(', ')} are`,
    );
  const needed = await bytesStillNeeded(plan.targets, sizes);
  const need = `${plan.targets.length} targets need ${formatBytes(needed)}`;
  return freeSpaceCheck(plan, needed, need, deps);
}

async function compareWithFreeSpace(
  plan: ReleasePlan,
  size: number,
  deps: PreflightDependencies,
): Promise<CheckResult> {
  // A partial download from an interrupted run resumes, so only the rest is still needed.
  const partial =
    (await nodeFileSystem.sizeOf(partPathFor(plan.paths.iso)).catch(() => undefined)) ?? 0;
  const needed = partial < size ? size - partial : size;
  const need = `the ISO needs ${formatBytes(needed)}${partial > 0 && partial < size ? ' more' : ''}`;
  return freeSpaceCheck(plan, needed, need, deps);
}

/** `need` says what needs the `needed` bytes, in words for the checklist. */
async function freeSpaceCheck(
  plan: ReleasePlan,
  needed: number,
  need: string,
  deps: PreflightDependencies,
): Promise<CheckResult> {
  const where = await nearestExisting(plan.paths.iso);
  const free = await (deps.freeBytes ?? nodeFileSystem.freeBytes)(where);
  if (free === undefined)
    return skipped('disk', DISK_CHECK_TITLE, `${need}; the free space on ${where} is unknown`);
  if (free >= needed) return passed('disk', DISK_CHECK_TITLE, `${need}, ${formatBytes(free)} free`);
  return failed('disk', DISK_CHECK_TITLE, {
    detail: `${need}, but only ${formatBytes(free)} is free on ${where}`,
    fix: `Free at least ${formatBytes(needed - free)} there, or choose another --artifacts-dir.`,
    exitCode: ExitCode.disk,
  });
}
