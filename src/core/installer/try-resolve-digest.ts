// The lenient policy: a missing digest is reported and left out of the manifest, unless the
// operator asked for --require-digest (which calls resolveInstallerDigest directly).
import { CancelledError, ReleaseError } from '../errors.js';
import { resolveInstallerDigest } from './resolve-digest.js';
import type { InstallerDigestRequest } from './resolve-digest.js';

export interface OptionalInstallerDigest {
  readonly digest?: string | undefined;
  readonly pinned?: string | undefined;
  /** Why there is no digest, in words for the operator. */
  readonly reason?: string | undefined;
}

export async function tryResolveInstallerDigest(
  request: InstallerDigestRequest,
): Promise<OptionalInstallerDigest> {
  try {
    return await resolveInstallerDigest(request);
  } catch (error) {
    // Cancelling is the operator's decision, not a reason to carry on without a digest.
    if (error instanceof CancelledError) throw error;
    if (error instanceof ReleaseError) return { reason: error.message };
    throw error;
  }
}
