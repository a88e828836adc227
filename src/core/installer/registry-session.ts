// Manifest requests to the factory and to whatever registry it redirects to. Redirects are never
// followed automatically, so an Authorization header can only reach the host that asked for it.
import type { Http, Response } from '../http/index.js';
import { hostWithPort } from '../http/index.js';
import { fetchAnonymousToken, parseBearerChallenge } from './bearer-challenge.js';
import { MANIFEST_ACCEPT } from './manifest-media-types.js';

export interface RegistrySession {
  readonly http: Http;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
  /** The factory's host:port; it never challenges, so a 401 from it is not answered. */
  readonly factoryHost: string;
  /** Tokens by host:port, each used only with the host that issued the challenge. */
  readonly tokens: Map<string, string>;
}

async function send(
  session: RegistrySession,
  url: URL,
  method: 'HEAD' | 'GET',
): Promise<Response<Buffer>> {
  return session.http.got(url, {
    method,
    followRedirect: false,
    responseType: 'buffer',
    headers: { accept: MANIFEST_ACCEPT, ...authorizationFor(session, url) },
    timeout: { request: session.timeoutMs },
    ...(session.signal ? { signal: session.signal } : {}),
  });
}

/** The Authorization header for `url`: a token only for the host that issued it. */
export function authorizationFor(session: RegistrySession, url: URL): Record<string, string> {
  const token = session.tokens.get(hostWithPort(url));
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * After a 401 from `url`: fetches an anonymous token when the host is a redirect target that sent
 * a Bearer challenge. A token already held was refused (tokens live about a minute, a copy of an
 * installer longer), so it is replaced. True when the caller should send its request again; each
 * caller answers at most once per request, so a registry that refuses every token ends the loop.
 * Shared by manifest requests here and the blob streams of the OCI source (core/oci).
 */
export async function answerChallenge(
  session: RegistrySession,
  url: URL,
  status: number,
  wwwAuthenticate: string | undefined,
): Promise<boolean> {
  const host = hostWithPort(url);
  if (status !== 401 || host === session.factoryHost) return false;
  const challenge = parseBearerChallenge(wwwAuthenticate);
  if (!challenge) return false;
  session.tokens.delete(host);
  session.tokens.set(host, await fetchAnonymousToken(session.http, challenge, session));
  return true;
}

/** One request; a 401 from a redirect target with a Bearer challenge is answered once, anonymously. */
export async function requestManifest(
  session: RegistrySession,
  url: URL,
  method: 'HEAD' | 'GET',
): Promise<Response<Buffer>> {
  const response = await send(session, url, method);
  const retry = await answerChallenge(
    session,
    url,
    response.statusCode,
    response.headers['www-authenticate'],
  );
  return retry ? send(session, url, method) : response;
}
