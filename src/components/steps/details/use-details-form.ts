// The details form's state: the values as typed, which field has focus, and what is wrong.
import { useState } from 'react';
import type { ReleaseDetails } from '../../state/steps.js';
import { FIELDS, checkField, firstInvalidField } from './fields.js';
import type { FieldContext, FieldProblem } from './fields.js';

export interface DetailsForm {
  readonly values: ReleaseDetails;
  readonly focus: number;
  readonly problems: readonly (FieldProblem | undefined)[];
  readonly valid: boolean;
  type(text: string): void;
  erase(): void;
  moveFocus(delta: number): void;
  /** Focuses the first invalid field; false when there is none. */
  focusFirstProblem(): boolean;
}

export function useDetailsForm(initial: ReleaseDetails, context: FieldContext): DetailsForm {
  const [values, setValues] = useState(initial);
  // Open on the first field that needs typing (a first release has no app version to default to).
  const [focus, setFocus] = useState(() => Math.max(0, firstInvalidField(initial, context)));
  const field = FIELDS[focus]?.name ?? 'releaseVersion';
  const problems = FIELDS.map((spec) => checkField(spec.name, values[spec.name], context));
  const edit = (change: (value: string) => string): void =>
    setValues((current) => ({ ...current, [field]: change(current[field]) }));
  return {
    values,
    focus,
    problems,
    valid: problems.every((problem) => problem === undefined),
    type: (text) => edit((value) => value + text),
    erase: () => edit((value) => value.slice(0, -1)),
    moveFocus: (delta) => setFocus((current) => (current + delta + FIELDS.length) % FIELDS.length),
    focusFirstProblem: () => {
      const index = firstInvalidField(values, context);
      if (index < 0) return false;
      setFocus(index);
      return true;
    },
  };
}
