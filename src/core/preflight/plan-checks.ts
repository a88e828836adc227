// Checks 4-7: the release session's own answers and plan, made exactly as a release makes them, so preflight and the
// release can never disagree about extensions, secrets, Kubernetes or the release version.
import type { ExtensionInfo } from '../catalogue/index.js';
import { ExitCode, ReleaseError } from '../errors.js';
import type {
  LoadedProject,
  PlanProblem,
  ReleaseAnswers,
  ReleasePlan,
  ReleaseSession,
} from '../pipeline/index.js';
import { assertReleaseVersion } from '../pipeline/index.js';
import { exists } from '../fs/index.js';
import { failed, passed, skipped } from '../verify/index.js';
import type { CheckResult } from '../verify/index.js';
import { failureFrom } from './check-errors.js';

export interface PlanOutcome {
  readonly checks: CheckResult[];
  readonly plan: ReleasePlan | undefined;
  readonly releaseVersion: string | undefined;
}

const TITLES: Record<PlanProblem['kind'], string> = {
  extension: 'extensions available for the version',
  secret: 'no secret-looking values in the schematic (it is public by ID)',
  kubernetes: 'Kubernetes version supported by the Talos version',
  'release-exists': 'release version free',
};

/** The plan needs a release version (it names the manifest's path); without one, nothing else. */
function otherLinesSkipped(): CheckResult[] {
  return skippedPlanChecks('no usable release version').slice(0, 3);
}

/** The plan's check lines, skipped: an earlier check failed and they cannot be worked out. */
export function skippedPlanChecks(why: string): CheckResult[] {
  return (['extension', 'secret', 'kubernetes', 'release-exists'] as const).map((kind) =>
    skipped(kind, TITLES[kind], why),
  );
}

export async function checkPlan(
  session: ReleaseSession,
  project: LoadedProject,
  talosVersion: string,
  catalogue: readonly ExtensionInfo[],
): Promise<PlanOutcome> {
  let answers: ReleaseAnswers;
  try {
    // The release's own answers: flag, else the channel's default.
    answers = session.answers(project, talosVersion);
  } catch (error) {
    // Only the next release version can fail here: the channel's current one is not semver.
    return {
      checks: [
        ...otherLinesSkipped(),
        failureFrom('release-version', TITLES['release-exists'], error),
      ],
      plan: undefined,
      releaseVersion: undefined,
    };
  }
  const { releaseVersion } = answers;
  const versionTitle = `${TITLES['release-exists']} (${releaseVersion})`;
  try {
    assertReleaseVersion(releaseVersion);
  } catch (error) {
    return {
      checks: [...otherLinesSkipped(), failureFrom('release-version', versionTitle, error)],
      plan: undefined,
      releaseVersion,
    };
  }
  let plan: ReleasePlan;
  try {
    plan = await session.plan(project, answers, catalogue);
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    return {
      checks: [failureFrom('plan', 'release planned', error)],
      plan: undefined,
      releaseVersion,
    };
  }
  const checks = (['extension', 'secret', 'kubernetes'] as const).map((kind) =>
    checkFromProblems(kind, TITLES[kind], plan.problems),
  );
  const versionCheck = checkFromProblems('release-exists', versionTitle, plan.problems);
  const overwrite = answers.force && (await exists(plan.paths.manifest));
  checks.push(
    overwrite
      ? passed(
          'release-exists',
          versionTitle,
          `${plan.paths.manifestRelative} exists; --force overwrites it`,
        )
      : versionCheck.status === 'pass' && plan.notes.length > 0
        ? passed('release-exists', versionTitle, plan.notes.join('; '))
        : versionCheck,
  );
  return { checks, plan, releaseVersion };
}

function checkFromProblems(
  kind: PlanProblem['kind'],
  title: string,
  problems: readonly PlanProblem[],
): CheckResult {
  const mine = problems.filter((problem) => problem.kind === kind);
  if (mine.length === 0) return passed(kind, title);
  const fix = FIXES[kind];
  return failed(kind, title, {
    // Per-item hints (the closest extension names) stay next to their item; a shared hint is the fix.
    detail: mine
      .map((problem) =>
        problem.hint && fix !== undefined
          ? `${problem.message} (${problem.hint})`
          : problem.message,
      )
      .join('\n'),
    fix: fix ?? mine[0]?.hint,
    exitCode: ExitCode.badInput,
  });
}

const FIXES: Partial<Record<PlanProblem['kind'], string>> = {
  extension:
    'Correct the names in the schematic (or --extensions), or pick a --talos-version that has them.',
};
