// The factory's cosign signature of one installer, judged the same way wherever an installer is
// copied (publish, bundle): verified, or missing (a warning, or a stop with --require-signature);
// a signature that does not verify is always a stop (exit 5, from the check itself).
import { IntegrityError } from '../errors.js';
import { checkCosignSignature } from '../oci/index.js';
import type { ManifestBytes, OciSource } from '../oci/index.js';
import type { PublishEventSink } from './events.js';
import type { InstallerToMirror } from './installer-plan.js';

export interface InstallerSignatureRequest {
  readonly installer: InstallerToMirror;
  readonly source: OciSource;
  /** The factory's key (PEM); undefined when it serves none, which makes every signature missing. */
  readonly publicKeyPem: string | undefined;
  readonly requireSignature: boolean;
  /** What happens to an unsigned installer, for the warning: "mirrored", "bundled". */
  readonly action: string;
  readonly onEvent: PublishEventSink;
  readonly signal?: AbortSignal | undefined;
}

/** The signature manifest to copy alongside the installer, or undefined when there is none. */
export async function judgeInstallerSignature(
  request: InstallerSignatureRequest,
): Promise<ManifestBytes | undefined> {
  const { installer } = request;
  const result =
    request.publicKeyPem === undefined
      ? ({ status: 'missing' } as const)
      : await checkCosignSignature({
          source: request.source,
          indexDigest: installer.digest,
          publicKeyPem: request.publicKeyPem,
          signal: request.signal,
        });
  request.onEvent({ type: 'signature', image: installer.image, status: result.status });
  if (result.status === 'verified') return result.signatureManifest;
  if (request.requireSignature)
    throw new IntegrityError(
      `${installer.image} has no cosign signature, and --require-signature is set`,
      {
        hint: 'Nothing was copied. Go on without --require-signature only if you trust the source another way.',
      },
    );
  request.onEvent({
    type: 'warning',
    message: `${installer.image} carries no cosign signature; ${request.action} unsigned`,
  });
  return undefined;
}
