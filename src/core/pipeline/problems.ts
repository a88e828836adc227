// Everything that must be fixed before a release may go ahead, gathered in one pass so the
// operator sees all of it at once instead of one error per run.
import semver from 'semver';
import { UserInputError } from '../errors.js';
import { checkKubernetesVersion } from '../kubernetes/index.js';
import type { Schematic } from '../schematic/index.js';
import { findSecretLikeValues } from '../schematic/index.js';
import type { ReleaseAnswers } from './answers.js';

export interface PlanProblem {
  readonly kind: 'extension' | 'secret' | 'release-exists' | 'kubernetes';
  readonly message: string;
  readonly hint?: string | undefined;
}

export interface CatalogueProblem {
  readonly name: string;
  readonly reason: string;
  readonly suggestions: readonly string[];
}

export interface ProblemInputs {
  readonly answers: ReleaseAnswers;
  readonly schematic: Schematic;
  readonly catalogueProblems: readonly CatalogueProblem[];
  readonly manifestExists: boolean;
  readonly manifestRelative: string;
  /** The channel's current release version, before this one. */
  readonly currentRelease?: string | undefined;
}

export function collectProblems(inputs: ProblemInputs): PlanProblem[] {
  const { answers } = inputs;
  const problems: PlanProblem[] = inputs.catalogueProblems.map((p) => ({
    kind: 'extension',
    message: `${p.name}: ${p.reason}`,
    hint: p.suggestions.length > 0 ? `did you mean ${p.suggestions.join(' or ')}?` : undefined,
  }));
  if (!answers.allowPublicSecrets) {
    for (const secret of findSecretLikeValues(inputs.schematic)) {
      problems.push({
        kind: 'secret',
        message: `${secret.path} looks like a secret (${secret.reason})`,
        hint:
          'Anyone who knows the schematic ID can read it on the community factory. Move it out of ' +
          'the schematic, or pass --allow-public-secrets if it is not secret.',
      });
    }
  }
  if (inputs.manifestExists && !answers.force) {
    problems.push({
      kind: 'release-exists',
      message: `release ${answers.releaseVersion} already exists (${inputs.manifestRelative})`,
      hint: 'Choose another --release-version, or pass --force to overwrite it.',
    });
  }
  const older = olderThanCurrent(answers, inputs.currentRelease);
  if (older) problems.push(older);
  try {
    checkKubernetesVersion(answers.talosVersion, answers.kubernetesVersion);
  } catch (error) {
    // Only a refusal of the input is a problem to list; anything else is a bug and surfaces.
    if (!(error instanceof UserInputError)) throw error;
    problems.push({ kind: 'kubernetes', message: error.message, hint: error.hint });
  }
  return problems;
}

/** Publishing an older version as current is a rollback: only on purpose, with --force. */
function olderThanCurrent(
  answers: ReleaseAnswers,
  current: string | undefined,
): PlanProblem | undefined {
  if (answers.force || current === undefined || !semver.valid(answers.releaseVersion)) {
    return undefined;
  }
  if (!semver.lt(answers.releaseVersion, current)) return undefined;
  return {
    kind: 'release-exists',
    message:
      `release ${answers.releaseVersion} is older than ${current}, the current release of ` +
      `channel ${answers.channel}`,
    hint:
      `Choose a --release-version above ${current}, or pass --force to make ` +
      `${answers.releaseVersion} current anyway (a rollback).`,
  };
}

/** Stops the run with every problem listed; exit code 2. */
export function assertNoProblems(problems: readonly PlanProblem[]): void {
  if (problems.length === 0) return;
  const lines = problems.map((p) => `  - ${p.message}${p.hint ? `\n    ${p.hint}` : ''}`);
  const first = problems[0];
  throw new UserInputError(
    problems.length === 1 && first
      ? first.message
      : `the release cannot go ahead:\n${lines.join('\n')}`,
    { hint: problems.length === 1 ? first?.hint : 'Fix the problems above and run again.' },
  );
}
