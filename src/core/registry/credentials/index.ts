// Docker credentials: the config file, its helpers, and the shapes the registry client takes.
export { dockerConfigPath, loadDockerCredentials } from './docker-config.js';
export type { DockerCredentialOptions, DockerCredentials } from './docker-config.js';
export { HELPER_TIMEOUT_MS } from './helper.js';
export { normaliseServerKey } from './server-key.js';
export type {
  BasicCredential,
  CredentialSource,
  IdentityTokenCredential,
  RegistryCredential,
} from './types.js';
