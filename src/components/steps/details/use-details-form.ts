// The details form's state: the values as typed, which field has focus, and what is wrong. One
// reducer holds values and focus together, so a Tab followed at once by typing lands in the
// field the Tab moved to.
import { useReducer } from 'react';
import type { ReleaseDetails } from '../../state/steps.js';
import { FIELDS, checkField, firstInvalidField } from './fields.js';
import type { FieldContext, FieldName, FieldProblem } from './fields.js';

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
  /** Fills in fields the operator has not typed in (another channel's defaults). */
  adopt(values: Partial<ReleaseDetails>): void;
}

interface FormState {
  readonly values: ReleaseDetails;
  readonly focus: number;
  /** Fields the operator has typed in: defaults never overwrite them. */
  readonly edited: ReadonlySet<FieldName>;
}

type FormAction =
  | { readonly type: 'edit'; readonly change: (value: string) => string }
  | { readonly type: 'focus'; readonly to: (current: number) => number }
  | { readonly type: 'adopt'; readonly values: Partial<ReleaseDetails> };

function formReducer(state: FormState, action: FormAction): FormState {
  switch (action.type) {
    case 'edit': {
      const field = FIELDS[state.focus]?.name;
      if (!field) return state;
      return {
        ...state,
        values: { ...state.values, [field]: action.change(state.values[field]) },
        edited: new Set([...state.edited, field]),
      };
    }
    case 'adopt': {
      const values = { ...state.values };
      for (const spec of FIELDS) {
        const value = action.values[spec.name];
        if (value !== undefined && !state.edited.has(spec.name)) values[spec.name] = value;
      }
      return { ...state, values };
    }
    case 'focus':
      return { ...state, focus: (action.to(state.focus) + FIELDS.length) % FIELDS.length };
  }
}

/**
 * `typed` names the fields whose initial value the operator chose (a flag, or typing before
 * going back); the others hold defaults and may be refilled.
 */
export function useDetailsForm(
  initial: ReleaseDetails,
  context: FieldContext,
  typed: ReadonlySet<FieldName>,
): DetailsForm {
  // Open on the first field that needs typing (a first release has no app version to default to).
  const [state, dispatch] = useReducer(formReducer, undefined, () => ({
    values: initial,
    focus: Math.max(0, firstInvalidField(initial, context)),
    edited: typed,
  }));
  const problems = FIELDS.map((spec) => checkField(spec.name, state.values[spec.name], context));
  return {
    values: state.values,
    focus: state.focus,
    problems,
    valid: problems.every((problem) => problem === undefined),
    type: (text) => dispatch({ type: 'edit', change: (value) => value + text }),
    erase: () => dispatch({ type: 'edit', change: (value) => value.slice(0, -1) }),
    moveFocus: (delta) => dispatch({ type: 'focus', to: (current) => current + delta }),
    focusFirstProblem: () => {
      const index = firstInvalidField(state.values, context);
      if (index < 0) return false;
      dispatch({ type: 'focus', to: () => index });
      return true;
    },
    adopt: (values) => dispatch({ type: 'adopt', values }),
  };
}
