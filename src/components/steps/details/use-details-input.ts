import { isGlobalKey, isKey, typedText } from '../../keys.js';
import type { DetailsForm } from './use-details-form.js';
import { useKeys } from '../../common/use-keys.js';

export interface DetailsInputOptions {
  readonly form: DetailsForm;
  readonly isActive: boolean;
  readonly onSubmit: () => void;
  readonly onBack: () => void;
}

/** The details screen's keys: type, erase, move between fields, continue, back. */
export function useDetailsInput({ form, isActive, onSubmit, onBack }: DetailsInputOptions): void {
  useKeys((input, key) => {
    if (isGlobalKey(input, key)) return;
    if (isKey('previousField', input, key)) form.moveFocus(-1);
    else if (isKey('nextField', input, key)) form.moveFocus(1);
    else if (isKey('submit', input, key)) onSubmit();
    else if (isKey('back', input, key)) onBack();
    else if (isKey('erase', input, key)) form.erase();
    else {
      const text = typedText(input, key);
      if (text !== '') form.type(text);
    }
  }, isActive);
}
