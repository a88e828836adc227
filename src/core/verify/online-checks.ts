// --online: does the factory still serve what the release recorded? The ISO's size (from a HEAD)
// and the installer's digest (docs/factory-protocol.md §9.4). A factory that cannot be reached is
// exit 4; one that answers differently, or no longer knows the image, is a disagreement (exit 5).
import {
  CancelledError,
  ExitCode,
  FactoryRefusedError,
  NetworkError,
  ReleaseError,
} from '../errors.js';
import type { Http } from '../http/index.js';
import { registryBaseUrl, resolveInstallerDigest } from '../installer/index.js';
import type { ReleaseManifest } from '../manifest/index.js';
import { parseInstallerImage } from '../artifacts/index.js';
import { failed, passed, skipped } from './checklist.js';
import type { CheckResult } from './checklist.js';
import { headContentLength } from './head-size.js';

export interface OnlineOptions {
  /** The run's one HTTP layer. */
  readonly http: Http;
  readonly signal?: AbortSignal | undefined;
  /** Shorter retries in tests; defaults suit a real factory. */
  readonly backoffMs?: number | undefined;
  readonly onBuilding?: ((elapsedMs: number) => void) | undefined;
}

export function checkFactoryIsoSize(
  manifest: ReleaseManifest,
  options: OnlineOptions,
): Promise<CheckResult> {
  const { url, size } = manifest.os.iso;
  return checkServedSize(
    { id: 'factory-iso-size', title: 'the factory serves the ISO at the recorded size' },
    { url, size, field: 'os.iso.size', what: 'ISO' },
    options,
  );
}

/** HEAD the URL and compare its Content-Length with the size recorded in `field`. */
export async function checkServedSize(
  check: { readonly id: string; readonly title: string },
  recorded: {
    readonly url: string;
    readonly size: number;
    readonly field: string;
    readonly what: string;
  },
  options: OnlineOptions,
): Promise<CheckResult> {
  const { id, title } = check;
  const { url, size } = recorded;
  try {
    const served = await headContentLength(url, options);
    if (served === undefined) return skipped(id, title, 'the factory did not say the size');
    if (served === size) return passed(id, title, `${size} bytes`);
    return failed(id, title, {
      detail: `the factory now serves a different ${recorded.what} at this URL`,
      expected: `${size} bytes (${recorded.field})`,
      actual: `${served} bytes (Content-Length from ${url})`,
      fix: `Keep the ${recorded.what} recorded with this release; cut a new release to ship what the factory serves now.`,
      exitCode: ExitCode.integrity,
    });
  } catch (error) {
    return onlineFailure(id, title, error);
  }
}

export async function checkFactoryInstallerDigest(
  manifest: ReleaseManifest,
  options: OnlineOptions,
): Promise<CheckResult> {
  const title = 'the factory serves the installer at the recorded digest';
  const recorded = manifest.os.installer.digest;
  const parsed = parseInstallerImage(manifest.os.installer.image);
  if (!parsed)
    return skipped('factory-installer-digest', title, 'the installer reference cannot be parsed');
  const factoryHost = URL.canParse(manifest.talos.factoryUrl)
    ? new URL(manifest.talos.factoryUrl).host
    : undefined;
  try {
    const { digest } = await resolveInstallerDigest({
      registryBase: registryBaseUrl(
        manifest.talos.factoryUrl,
        parsed.registryHost === factoryHost ? undefined : parsed.registryHost,
      ),
      repository: `${parsed.imageName}/${parsed.schematicId}`,
      tag: parsed.talosVersion,
      signal: options.signal,
      http: options.http,
      onEvent: (event) => options.onBuilding?.(event.elapsedMs),
    });
    if (recorded === undefined) {
      return skipped(
        'factory-installer-digest',
        title,
        `no digest was recorded; the factory serves ${digest}`,
      );
    }
    if (digest === recorded) return passed('factory-installer-digest', title, digest);
    return failed('factory-installer-digest', title, {
      detail: 'the installer image behind this tag was rebuilt',
      expected: `${recorded} (os.installer.digest)`,
      actual: `${digest} (served now)`,
      fix: 'Pull the installer by the recorded digest (image@digest), not by tag; cut a new release to ship the rebuilt image.',
      exitCode: ExitCode.integrity,
    });
  } catch (error) {
    return onlineFailure('factory-installer-digest', title, error);
  }
}

export function onlineFailure(id: string, title: string, error: unknown): CheckResult {
  if (error instanceof CancelledError) throw error;
  if (error instanceof NetworkError) {
    return failed(id, title, {
      detail: error.message,
      fix: error.hint ?? 'Check the network and the factory URL, then run again.',
      exitCode: ExitCode.unavailable,
    });
  }
  if (error instanceof FactoryRefusedError) {
    return failed(id, title, {
      detail: `the factory no longer serves it: ${error.message}`,
      fix: error.hint ?? 'Check that the manifest names the factory the release was cut from.',
      exitCode: ExitCode.integrity,
    });
  }
  if (error instanceof ReleaseError) {
    return failed(id, title, { detail: error.message, fix: error.hint, exitCode: error.exitCode });
  }
  throw error;
}
