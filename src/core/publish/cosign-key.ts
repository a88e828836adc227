// The factory's cosign key, or undefined when the factory serves none (a 404): then installers
// are mirrored with a warning, as for a source without a signature. Any other failure stops.
import { FactoryRefusedError } from '../errors.js';
import type { Http } from '../http/index.js';
import { fetchCosignPublicKey } from '../oci/index.js';

export async function factoryCosignKey(
  http: Http,
  factoryUrl: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  try {
    return await fetchCosignPublicKey(http, factoryUrl, signal);
  } catch (error) {
    if (error instanceof FactoryRefusedError && error.status === 404) return undefined;
    throw error;
  }
}
