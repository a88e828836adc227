// Docker's credential store, read the way `docker login` leaves it, so an operator who can push
// with docker can publish with talos-release (docs/distribution-protocol.md §2).
// Order per host: credHelpers[host], then credsStore, then the file's own auths[host].
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { errnoCode, UserInputError } from '../../errors.js';
import { credentialFromHelper } from './helper.js';
import { helperServerAddress, sameServer } from './server-key.js';
import type { CredentialSource, RegistryCredential } from './types.js';

export interface DockerCredentialOptions {
  /** Where DOCKER_CONFIG, HOME and PATH (for helpers) are read from. */
  readonly env: NodeJS.ProcessEnv;
  /** Default 10 s; tests pass less. */
  readonly helperTimeoutMs?: number | undefined;
}

interface AuthEntry {
  readonly auth?: unknown;
  readonly username?: unknown;
  readonly password?: unknown;
  readonly identitytoken?: unknown;
}

interface DockerConfigFile {
  readonly auths?: Readonly<Record<string, AuthEntry>>;
  readonly credHelpers?: Readonly<Record<string, string>>;
  readonly credsStore?: string;
}

/** `$DOCKER_CONFIG/config.json`, else `$HOME/.docker/config.json`. */
export function dockerConfigPath(env: NodeJS.ProcessEnv): string {
  const dir = env['DOCKER_CONFIG'];
  if (dir) return join(dir, 'config.json');
  return join(env['HOME'] || homedir(), '.docker', 'config.json');
}

function malformed(path: string, problem: string): UserInputError {
  return new UserInputError(`the Docker config ${path} ${problem}`, {
    hint: `Fix ${path} (or log in again with \`docker login <host>\`), or point DOCKER_CONFIG at another directory.`,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseConfig(path: string, text: string): DockerConfigFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw malformed(
      path,
      `is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`,
    );
  }
  if (!isRecord(parsed)) throw malformed(path, 'is not a JSON object');
  const { auths, credHelpers, credsStore } = parsed;
  if (auths !== undefined && !isRecord(auths))
    throw malformed(path, 'has an "auths" that is not an object');
  if (
    credHelpers !== undefined &&
    (!isRecord(credHelpers) || !Object.values(credHelpers).every((v) => typeof v === 'string'))
  ) {
    throw malformed(path, 'has a "credHelpers" that is not an object of helper names');
  }
  if (credsStore !== undefined && typeof credsStore !== 'string') {
    throw malformed(path, 'has a "credsStore" that is not a helper name');
  }
  return {
    ...(auths ? { auths: auths as Record<string, AuthEntry> } : {}),
    ...(credHelpers ? { credHelpers: credHelpers as Record<string, string> } : {}),
    ...(credsStore ? { credsStore } : {}),
  };
}

/** auths[host] as a credential; the entry's key is named in errors, its secret never. */
function fromAuthEntry(
  path: string,
  key: string,
  entry: AuthEntry,
): RegistryCredential | undefined {
  if (!isRecord(entry))
    throw malformed(path, `has an auths entry for ${key} that is not an object`);
  if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
    return { kind: 'identity-token', token: entry.identitytoken };
  }
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) {
      throw malformed(
        path,
        `has an auths entry for ${key} whose "auth" is not base64 of user:password`,
      );
    }
    return { kind: 'basic', username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (typeof entry.username === 'string' && typeof entry.password === 'string' && entry.username) {
    return { kind: 'basic', username: entry.username, password: entry.password };
  }
  return undefined;
}

function findKey<T>(
  record: Readonly<Record<string, T>> | undefined,
  host: string,
): string | undefined {
  if (!record) return undefined;
  return Object.keys(record).find((key) => sameServer(key, host));
}

export interface DockerCredentials extends CredentialSource {
  /** False when the config file does not exist (then there are no credentials). */
  readonly configFound: boolean;
}

export async function loadDockerCredentials(
  options: DockerCredentialOptions,
): Promise<DockerCredentials> {
  const configPath = dockerConfigPath(options.env);
  let text: string | undefined;
  try {
    text = await readFile(configPath, 'utf8');
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') {
      throw malformed(configPath, `could not be read (${errnoCode(error) ?? 'unknown error'})`);
    }
  }
  const config = text === undefined ? {} : parseConfig(configPath, text);
  // One helper run per host per command: helpers may prompt a keychain or be slow.
  const cache = new Map<string, Promise<RegistryCredential | undefined>>();

  const lookUp = async (
    host: string,
    signal?: AbortSignal,
  ): Promise<RegistryCredential | undefined> => {
    const helperKey = findKey(config.credHelpers, host);
    const helper = helperKey !== undefined ? config.credHelpers?.[helperKey] : config.credsStore;
    if (helper) {
      const found = await credentialFromHelper({
        name: helper,
        serverAddress: helperServerAddress(host),
        configPath,
        env: options.env,
        timeoutMs: options.helperTimeoutMs,
        signal,
      });
      if (found || helperKey !== undefined) return found;
    }
    const authKey = findKey(config.auths, host);
    const entry = authKey !== undefined ? config.auths?.[authKey] : undefined;
    return authKey !== undefined && entry !== undefined
      ? fromAuthEntry(configPath, authKey, entry)
      : undefined;
  };

  return {
    configPath,
    configFound: text !== undefined,
    credentialFor(host, signal) {
      let pending = cache.get(host);
      if (!pending) {
        pending = lookUp(host, signal);
        cache.set(host, pending);
        // A failed lookup (a helper timing out) may succeed on a later call.
        pending.catch(() => cache.delete(host));
      }
      return pending;
    },
  };
}
