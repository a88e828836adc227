// The Image Factory API client: the public surface. HTTP itself lives in src/core/http.
export { DEFAULT_FACTORY_URL, resolveFactoryUrl } from './base-url.js';
export { createFactoryClient } from './client.js';
export type { CreatedSchematic, FactoryClient, FactoryClientOptions } from './client.js';
