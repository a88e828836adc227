// Checks 2 and 3: the factory answers, and it offers the Talos version asked for, as the
// release session resolves it.
import { ExitCode, ReleaseError } from '../errors.js';
import { failed, passed } from '../verify/index.js';
import type { CheckResult } from '../verify/index.js';
import { failureFrom } from './check-errors.js';
import type { ReleaseSession } from '../pipeline/index.js';

export interface VersionOutcome {
  readonly checks: CheckResult[];
  /** The exact version, when the factory answered and offers it. */
  readonly talosVersion: string | undefined;
}

export async function checkFactoryAndVersion(
  session: ReleaseSession,
  selector: string | undefined,
): Promise<VersionOutcome> {
  const reachTitle = `factory reachable (${session.factoryUrl})`;
  let versions: string[];
  try {
    versions = await session.versions();
  } catch (error) {
    return { checks: [failureFrom('factory', reachTitle, error)], talosVersion: undefined };
  }
  const reached = passed('factory', reachTitle, `it lists ${versions.length} Talos versions`);
  const versionTitle = `Talos version ${selector ?? '(not given)'} offered by the factory`;
  if (selector === undefined) {
    const missing = failed('talos-version', versionTitle, {
      detail: '--talos-version is required without a terminal',
      fix: 'Pass --talos-version (latest, 1.12 or v1.12.4).',
      exitCode: ExitCode.badInput,
    });
    return { checks: [reached, missing], talosVersion: undefined };
  }
  try {
    const talosVersion = session.resolveVersion(selector, versions);
    const detail = talosVersion === selector ? undefined : `${selector} is ${talosVersion}`;
    return {
      checks: [reached, passed('talos-version', versionTitle, detail)],
      talosVersion,
    };
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    return {
      checks: [reached, failureFrom('talos-version', versionTitle, error)],
      talosVersion: undefined,
    };
  }
}
