// Waiting inside a request (a build, a stall, an injected delay) must end early when the client
// leaves or the stand-in closes, or close() would hang on timers nobody needs.
import type { ServerResponse } from 'node:http';

export interface PauseScope {
  readonly res: ServerResponse;
  readonly closing: AbortSignal;
}

/** Resolves after `ms`, or as soon as the client goes away or the stand-in closes. */
export function pause(scope: PauseScope, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (scope.closing.aborted || scope.res.destroyed) {
      resolve();
      return;
    }
    const finish = (): void => {
      clearTimeout(timer);
      scope.closing.removeEventListener('abort', finish);
      scope.res.off('close', finish);
      resolve();
    };
    const timer = setTimeout(finish, ms);
    scope.closing.addEventListener('abort', finish);
    scope.res.once('close', finish);
  });
}
