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
  const token = session.tokens.get(hostWithPort(url));
  return session.http.got(url, {
    method,
    followRedirect: false,
    responseType: 'buffer',
    headers: { accept: MANIFEST_ACCEPT, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    timeout: { request: session.timeoutMs },
    ...(session.signal ? { signal: session.signal } : {}),
  });
}

/** One request; a 401 from a redirect target with a Bearer challenge is answered once, anonymously. */
export async function requestManifest(
  session: RegistrySession,
  url: URL,
  method: 'HEAD' | 'GET',
): Promise<Response<Buffer>> {
  const response = await send(session, url, method);
  const host = hostWithPort(url);
  if (response.statusCode !== 401 || host === session.factoryHost || session.tokens.has(host))
    return response;
  const challenge = parseBearerChallenge(response.headers['www-authenticate']);
  if (!challenge) return response;
  session.tokens.set(host, await fetchAnonymousToken(session.http, challenge, session));
  return send(session, url, method);
}
