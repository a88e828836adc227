// POST /schematics and GET /schematics/:id (docs/factory-protocol.md §8.2, §8.3). Re-posting is
// idempotent (201 again); the id-only mode answers like factories before v1.3.0; a `schematic-id`
// fault answers with another ID, as a tampered or drifted factory would.
import { goJson, send, sendError } from '../respond.js';
import type { Exchange } from '../respond.js';
import type { Router } from '../router.js';
import { intakeSchematic } from '../schematic-intake.js';
import type { StandinState } from '../state.js';

async function create(state: StandinState, ex: Exchange): Promise<void> {
  const intake = intakeSchematic(ex.body, state.options.encoder);
  if (!intake.ok) {
    await sendError(ex, 400, intake.message);
    return;
  }
  const id = ex.faults.schematicId() ?? intake.id;
  state.schematics.set(intake.id, intake.stored);
  // A drifted factory is consistent with itself: its ID works on its other routes.
  state.schematics.set(id, intake.stored);
  const body = goJson(
    state.options.schematicResponse === 'id-only'
      ? { id }
      : { id, schematic: intake.stored.canonical },
  );
  await send(ex, 201, { 'Content-Type': 'application/json', 'Content-Length': body.length }, body);
}

async function read(state: StandinState, ex: Exchange, params: readonly string[]): Promise<void> {
  const stored = state.schematics.get(params[0] ?? '');
  if (!stored) {
    await sendError(ex, 404, 'schematic not found');
    return;
  }
  const body = Buffer.from(stored.canonical);
  await send(ex, 200, { 'Content-Type': 'application/yaml', 'Content-Length': body.length }, body);
}

export function schematicRoutes(router: Router, state: StandinState): void {
  router
    .on(['POST'], /^\/schematics$/, (ex) => create(state, ex))
    .on(['GET'], /^\/schematics\/([^/]+)$/, (ex, params) => read(state, ex, params));
}
