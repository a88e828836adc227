export { DEFAULT_FACTORY_URL, resolveFactoryUrl } from './base-url.js';
export { createFactoryClient } from './client.js';
export type { CreatedSchematic, FactoryClient, FactoryClientOptions } from './client.js';
export {
  assertAllowedUrl,
  bypassesProxy,
  createHttpClient,
  isLoopbackHost,
  proxyForUrl,
} from './http.js';
export type { HttpClientOptions } from './http.js';
export { refusalError } from './refusal.js';
export { backoffDelay, throwIfCancelled, withRetries } from './retry.js';
export type { RetryPolicy } from './retry.js';
