// "That manifest is not there", told apart from every other failure, so an optional thing (a
// cosign signature tag) can be missing without being an error: a registry's 404, or a ref name an
// OCI layout does not list.
import { FactoryRefusedError, UserInputError } from '../errors.js';

/** A ref name or digest that an OCI layout does not hold (exit 2: the operator named it). */
export class MissingManifestError extends UserInputError {
  override readonly kind = 'input';
}

export function isMissingManifest(error: unknown): boolean {
  return (
    error instanceof MissingManifestError ||
    (error instanceof FactoryRefusedError && error.status === 404)
  );
}
