// The flags every headless release in these tests shares, pointed at a running stand-in.
import type { RunningStandin } from '../../../src/standin/types.js';

export const TALOS_VERSION = 'v1.12.4';
export const APP_VERSION = '2.3.0';

export function releaseArgs(standin: RunningStandin, ...extra: string[]): string[] {
  return [
    '--yes',
    '--talos-version',
    TALOS_VERSION,
    '--app-version',
    APP_VERSION,
    '--factory-url',
    standin.url,
    ...extra,
  ];
}

/** Requests that reached the stand-in after `from`, as `METHOD /path` lines. */
export function requestsSince(standin: RunningStandin, from: number): string[] {
  return standin.requests.slice(from).map((request) => `${request.method} ${request.url}`);
}
