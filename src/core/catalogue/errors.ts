// One error for every catalogue problem at once, so a fix is one edit, not one run per typo.
import { UserInputError } from '../errors.js';
import type { CatalogueProblem } from './types.js';

export function describeProblem(problem: CatalogueProblem): string {
  const suggestion =
    problem.suggestions.length > 0 ? ` (did you mean ${problem.suggestions.join(' or ')}?)` : '';
  return `${problem.name} ${problem.reason}${suggestion}`;
}

export function extensionsMissingError(problems: readonly CatalogueProblem[]): UserInputError {
  const lines = problems.map((problem) => `  - ${describeProblem(problem)}`);
  const count = problems.length === 1 ? 'one problem' : `${problems.length} problems`;
  return new UserInputError(
    `the schematic has ${count} for this Talos version:\n${lines.join('\n')}`,
    {
      hint: 'Fix the names in the schematic (or pass the suggested ones), or pick another Talos version.',
    },
  );
}
