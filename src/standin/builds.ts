// Build-on-first-request: the first request for a key waits its delay (a cold factory building),
// concurrent requests share that one build, and later requests find it cached. The build goes on
// when its client disconnects, as the real factory's does.
import type { PauseScope } from './pause.js';

export class BuildCache {
  private readonly builds = new Map<string, Promise<void>>();

  constructor(private readonly closing: AbortSignal) {}

  /** Waits until `key` is built (taking `delayMs` the first time), or until this request's client leaves. */
  async build(key: string, delayMs: number, scope: PauseScope): Promise<void> {
    if (delayMs <= 0) return;
    let build = this.builds.get(key);
    if (!build) {
      build = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delayMs);
        this.closing.addEventListener('abort', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.builds.set(key, build);
    }
    const clientLeft = new Promise<void>((resolve) => {
      scope.res.once('close', () => resolve());
    });
    await Promise.race([build, clientLeft]);
  }

  isBuilt(key: string): boolean {
    return this.builds.has(key);
  }
}
