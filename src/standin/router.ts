// A small method-aware router with the factory's (httprouter's) answers for misses: 404
// `404 page not found` for an unknown path, 405 with `Allow` for a known path and wrong method.
import type { Exchange } from './respond.js';
import { sendError } from './respond.js';

export type Handler = (ex: Exchange, params: readonly string[]) => Promise<void>;

interface Route {
  readonly methods: readonly string[];
  readonly pattern: RegExp;
  readonly handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  /** `pattern` must match the whole decoded path; its capture groups become `params`. */
  on(methods: readonly string[], pattern: RegExp, handler: Handler): this {
    this.routes.push({ methods, pattern, handler });
    return this;
  }

  async dispatch(ex: Exchange): Promise<void> {
    const allowed = new Set<string>();
    for (const route of this.routes) {
      const match = route.pattern.exec(ex.path);
      if (!match) continue;
      if (route.methods.includes(ex.method)) {
        await route.handler(
          ex,
          match.slice(1).map((group) => group ?? ''),
        );
        return;
      }
      for (const method of route.methods) allowed.add(method);
    }
    if (allowed.size > 0) {
      ex.res.setHeader('Allow', [...allowed].join(', '));
      await sendError(ex, 405, 'Method Not Allowed');
      return;
    }
    await sendError(ex, 404, '404 page not found');
  }
}
