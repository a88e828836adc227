// The registry we publish to: where (--to), with which credentials, and the push client.
export { isRepositoryName, parseRegistryDestination, repositoryUnder } from './destination-ref.js';
export type { DestinationOptions, RegistryDestination } from './destination-ref.js';
export {
  dockerConfigPath,
  HELPER_TIMEOUT_MS,
  loadDockerCredentials,
  normaliseServerKey,
} from './credentials/index.js';
export type {
  BasicCredential,
  CredentialSource,
  DockerCredentialOptions,
  DockerCredentials,
  IdentityTokenCredential,
  RegistryCredential,
} from './credentials/index.js';
export { createRegistryAuth, OAUTH_CLIENT_ID, scopeStrings } from './auth.js';
export type { RegistryAuth, RegistryAuthOptions, RepositoryScope } from './auth.js';
export {
  createRegistryClient,
  DEFAULT_CHUNK_BYTES,
  DEFAULT_REGISTRY_BACKOFF_MS,
  DEFAULT_REGISTRY_RETRIES,
  DEFAULT_REGISTRY_TIMEOUT_MS,
  MAX_MANIFEST_BYTES,
} from './client.js';
export type { RegistryClient, RegistryClientOptions } from './client.js';
