// Answers a registry's 401 challenge (docs/distribution-protocol.md §2):
// `Basic realm=…` → the stored user and password; `Bearer realm=…,service=…` → a token from the
// realm for exactly the scopes this request needs. A credential goes only to the registry host it
// was stored for, and to the token realm that host's own challenge named (https or loopback only,
// which assertAllowedUrl enforces). Secrets never reach a message.
import { NetworkError, RegistryRefusedError } from '../errors.js';
import { assertAllowedUrl, requestApi } from '../http/index.js';
import type { Http } from '../http/index.js';
import { parseBearerChallenge } from '../installer/index.js';
import type { BearerChallenge } from '../installer/index.js';
import type { CredentialSource, RegistryCredential } from './credentials/index.js';

/** What one request needs to be allowed: pull (and push) on a repository, pull on a mount source. */
export interface RepositoryScope {
  readonly repository: string;
  readonly push: boolean;
  readonly mountFrom?: string | undefined;
}

export function scopeStrings(scope: RepositoryScope): string[] {
  const own = `repository:${scope.repository}:${scope.push ? 'pull,push' : 'pull'}`;
  return scope.mountFrom && scope.mountFrom !== scope.repository
    ? [own, `repository:${scope.mountFrom}:pull`]
    : [own];
}

/** Sent to the token service so its logs can tell our requests apart. */
export const OAUTH_CLIENT_ID = 'talos-release';

export interface RegistryAuthOptions {
  readonly http: Http;
  /** The registry's host:port: the only host credentials are looked up for. */
  readonly host: string;
  readonly credentials?: CredentialSource | undefined;
  readonly timeoutMs: number;
}

export interface RegistryAuth {
  /** The Authorization header to send first for `scope`, from what earlier answers taught us. */
  authorization(scope: RepositoryScope, signal?: AbortSignal): Promise<string | undefined>;
  /** After a 401: a fresh Authorization header to retry with, or a RegistryRefusedError. */
  answer(
    challengeHeader: string | undefined,
    scope: RepositoryScope,
    signal?: AbortSignal,
  ): Promise<string>;
  /** The error for a 401/403 that answering the challenge did not cure. */
  refused(status: number, scope: RepositoryScope): RegistryRefusedError;
}

function basicHeader(credential: { username: string; password: string }): string {
  return `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
}

function parseToken(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { token, access_token: accessToken } = parsed as Record<string, unknown>;
    if (typeof token === 'string' && token) return token;
    if (typeof accessToken === 'string' && accessToken) return accessToken;
  } catch {
    return undefined;
  }
  return undefined;
}

export function createRegistryAuth(options: RegistryAuthOptions): RegistryAuth {
  const { http, host, credentials } = options;
  const configPath = credentials?.configPath ?? 'the Docker config file';
  let mode: { kind: 'basic' } | { kind: 'bearer'; challenge: BearerChallenge } | undefined;
  let credential: Promise<RegistryCredential | undefined> | undefined;
  const tokens = new Map<string, string>();
  /** Whether a credential was offered at all, so the refusal says "wrong" or "missing". */
  let offered = false;

  const credentialFor = (signal?: AbortSignal): Promise<RegistryCredential | undefined> => {
    credential ??= credentials
      ? credentials.credentialFor(host, signal)
      : Promise.resolve(undefined);
    credential.catch(() => {
      credential = undefined;
    });
    return credential;
  };

  const refused = (status: number, scope: RepositoryScope): RegistryRefusedError => {
    const login = `\`docker login ${host}\``;
    if (status === 403) {
      return new RegistryRefusedError(
        `the registry ${host} denied access to ${scope.repository} (HTTP 403)`,
        {
          status,
          host,
          hint: `The account in ${configPath} may not ${scope.push ? 'push to' : 'pull from'} ${scope.repository}; log in as one that can with ${login}.`,
        },
      );
    }
    return new RegistryRefusedError(
      offered
        ? `the registry ${host} refused the credentials stored for it (HTTP ${status})`
        : `the registry ${host} needs credentials and none are stored for it (HTTP ${status})`,
      {
        status,
        host,
        hint: `Log in with ${login} (talos-release reads ${configPath}; set DOCKER_CONFIG to use another directory).`,
      },
    );
  };

  const fetchToken = async (
    challenge: BearerChallenge,
    scope: RepositoryScope,
    signal?: AbortSignal,
  ): Promise<string> => {
    const realm = assertAllowedUrl(challenge.realm, `token realm of ${host}`);
    const scopes = scopeStrings(scope);
    const found = await credentialFor(signal);
    offered ||= found !== undefined;
    let answer;
    if (found?.kind === 'identity-token') {
      // OAuth2 refresh-token grant: how Docker uses an identity token (docs/distribution-protocol.md).
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: found.token,
        client_id: OAUTH_CLIENT_ID,
        ...(challenge.service ? { service: challenge.service } : {}),
        scope: scopes.join(' '),
      });
      answer = await requestApi(http, {
        method: 'POST',
        url: realm,
        body: form.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        deadlineMs: options.timeoutMs,
        signal,
        label: `POST ${realm.origin}${realm.pathname}`,
      });
    } else {
      const url = new URL(realm);
      if (challenge.service) url.searchParams.set('service', challenge.service);
      for (const item of scopes) url.searchParams.append('scope', item);
      answer = await requestApi(http, {
        method: 'GET',
        url,
        headers: found?.kind === 'basic' ? { authorization: basicHeader(found) } : {},
        deadlineMs: options.timeoutMs,
        signal,
        label: `GET ${realm.origin}${realm.pathname}`,
      });
    }
    if (answer.status === 401 || answer.status === 403) throw refused(401, scope);
    const token = answer.status === 200 ? parseToken(answer.body) : undefined;
    if (!token) {
      throw new NetworkError(
        `the token service of ${host} at ${realm.origin} gave no token (HTTP ${answer.status})`,
        {
          hint: `Try again later; if it persists, check that ${host} is the registry you meant.`,
        },
      );
    }
    return token;
  };

  return {
    async authorization(scope, signal) {
      if (mode?.kind === 'basic') {
        const found = await credentialFor(signal);
        return found?.kind === 'basic' ? basicHeader(found) : undefined;
      }
      if (mode?.kind === 'bearer') {
        const key = scopeStrings(scope).join(' ');
        let token = tokens.get(key);
        if (!token) {
          token = await fetchToken(mode.challenge, scope, signal);
          tokens.set(key, token);
        }
        return `Bearer ${token}`;
      }
      return undefined;
    },

    async answer(challengeHeader, scope, signal) {
      const bearer = parseBearerChallenge(challengeHeader);
      if (bearer) {
        mode = { kind: 'bearer', challenge: bearer };
        // A cached token that was refused has expired or lacks the scope: ask again.
        const token = await fetchToken(bearer, scope, signal);
        tokens.set(scopeStrings(scope).join(' '), token);
        return `Bearer ${token}`;
      }
      if (challengeHeader && /^\s*basic\b/i.test(challengeHeader)) {
        mode = { kind: 'basic' };
        const found = await credentialFor(signal);
        if (found?.kind !== 'basic') throw refused(401, scope);
        offered = true;
        return basicHeader(found);
      }
      throw refused(401, scope);
    },

    refused,
  };
}
