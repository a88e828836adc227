// GET /oci/cosign/signing-key.pub (docs/factory-protocol.md §8.9): the PEM public key that verifies
// the cosign signatures of installer indexes. The spec names no Content-Type; plain text is a safe
// guess that no client should depend on.
import { send } from '../respond.js';
import type { Exchange } from '../respond.js';
import type { Router } from '../router.js';
import type { StandinState } from '../state.js';

function signingKey(state: StandinState, ex: Exchange): Promise<void> {
  const body = Buffer.from(state.signer.publicKeyPem);
  const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length };
  return send(ex, 200, headers, body);
}

export function cosignKeyRoutes(router: Router, state: StandinState): void {
  router.on(['GET', 'HEAD'], /^\/oci\/cosign\/signing-key\.pub$/, (ex) => signingKey(state, ex));
}
