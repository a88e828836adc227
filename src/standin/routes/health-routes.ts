// Liveness and readiness: 200 with an empty body once the stand-in listens.
import { send } from '../respond.js';
import type { Exchange } from '../respond.js';
import type { Router } from '../router.js';

function ok(ex: Exchange): Promise<void> {
  return send(ex, 200, { 'Content-Length': 0 });
}

export function healthRoutes(router: Router): void {
  router.on(['GET', 'HEAD'], /^\/healthz$/, ok).on(['GET', 'HEAD'], /^\/readyz$/, ok);
}
