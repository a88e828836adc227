// What the factory's JSON answers must look like (docs/factory-protocol.md §8.2–8.6). Unknown
// fields are allowed, so a newer factory that adds some does not break us; missing or mistyped ones
// are an error.
import { z } from 'zod';

export const versionsResponse = z.array(z.string());

export const extensionsResponse = z.array(
  z.object({
    name: z.string().min(1),
    ref: z.string(),
    digest: z.string(),
    author: z.string().optional(),
    description: z.string().optional(),
  }),
);

export const overlaysResponse = z.array(
  z.object({
    name: z.string().min(1),
    image: z.string(),
    ref: z.string(),
    digest: z.string(),
  }),
);

/** `schematic` exists only since image-factory v1.3.0; older servers send `{id}` alone. */
export const createSchematicResponse = z.object({
  id: z.string().regex(/^[0-9a-f]{64}$/, 'must be a 64-character lowercase hex schematic ID'),
  schematic: z.string().optional(),
});
