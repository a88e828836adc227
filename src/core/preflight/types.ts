// What preflight needs from the outside world, injected so tests can point it at the stand-in.
import type { ExitCode } from '../errors.js';
import type { Http } from '../http/index.js';
import type { SessionFactory } from '../pipeline/index.js';
import type { CheckResult } from '../verify/index.js';

/** The part of the factory client preflight uses: the release session's. */
export type PreflightFactory = SessionFactory;

export interface PreflightDependencies {
  readonly factory: PreflightFactory;
  /** The run's one HTTP layer (the one the factory client was made with). */
  readonly http: Http;
  readonly signal?: AbortSignal | undefined;
  /** What a relative --root is relative to; default process.cwd(). */
  readonly cwd?: string | undefined;
  /** Free bytes on the file system holding `path`; default statfs. Injected to test "disk full". */
  readonly freeBytes?: ((path: string) => Promise<number | undefined>) | undefined;
  /** Hears each check as soon as it is decided, in checklist order. */
  readonly onCheck?: ((check: CheckResult) => void) | undefined;
  /** Hears, about once a second, that the factory is still building the ISO to answer the HEAD. */
  readonly onBuilding?: ((elapsedMs: number) => void) | undefined;
  /** Backoff base for the HEAD's retries; tests pass a few milliseconds. */
  readonly backoffMs?: number | undefined;
}

export interface PreflightReport {
  readonly checks: readonly CheckResult[];
  /** 0 when every check passed; otherwise the most serious failure's exit code. */
  readonly exitCode: ExitCode;
  /** What the checks worked out, when they got that far: shown with the checklist. */
  readonly talosVersion?: string | undefined;
  readonly releaseVersion?: string | undefined;
  readonly schematicId?: string | undefined;
  readonly isoUrl?: string | undefined;
  readonly isoSize?: number | undefined;
}
