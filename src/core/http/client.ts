// The one place a got instance is made, for everything that talks to the factory, its CDN or a
// registry: the catalogue client, the download engine, HEAD checks and the installer resolver.
// It refuses plain http to anything but this machine, and routes requests through HTTPS_PROXY /
// HTTP_PROXY unless NO_PROXY (or loopback) says otherwise.
import type { Agent as HttpAgent } from 'node:http';
import type { Agent as HttpsAgent } from 'node:https';
import got from 'got';
import type { Agents, Got, NormalizedOptions } from 'got';
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import { ReleaseError, UserInputError } from '../errors.js';
import { isLoopbackHost } from './loopback.js';
import { proxyForUrl } from './proxy-env.js';

/**
 * Parses `url` and throws a UserInputError unless it is https, or http to a loopback address.
 * `what` names the URL in the message, e.g. "factory URL".
 */
export function assertAllowedUrl(url: string | URL, what = 'URL'): URL {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    throw new UserInputError(`${what} is not a valid URL: ${String(url)}`, {
      hint: 'Give an absolute URL such as https://factory.talos.dev.',
    });
  }
  if (parsed.protocol === 'https:') return parsed;
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return parsed;
  const shown = `${parsed.protocol}//${parsed.host}`;
  throw new UserInputError(`${what} ${shown} is not allowed: only https is accepted`, {
    hint:
      parsed.protocol === 'http:'
        ? `Use https://${parsed.host}; plain http is allowed only to 127.0.0.1, ::1 or localhost.`
        : 'Use an https:// URL.',
  });
}

export interface HttpOptions {
  /** Where HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY are read from. Default: no proxy. */
  readonly env?: NodeJS.ProcessEnv;
  readonly userAgent?: string;
}

/** One agent per proxy URL, so keep-alive connections to a proxy are shared across requests. */
function proxyAgentCache(): (proxy: string) => Agents {
  const cache = new Map<string, Agents>();
  return (proxy) => {
    let agents = cache.get(proxy);
    if (!agents) {
      const common = { proxy, keepAlive: true, maxSockets: 8 };
      agents = {
        http: new HttpProxyAgent(common) as HttpAgent,
        https: new HttpsProxyAgent(common) as HttpsAgent,
      };
      cache.set(proxy, agents);
    }
    return agents;
  };
}

/**
 * What every caller is handed instead of building its own client. Statuses are judged by the
 * caller (a 4xx body carries the factory's reason), got's own retries are off (callers use
 * withRetries, so the transient rule is one place), and bodies are never decompressed: bytes
 * must match Content-Length and the recorded hash.
 */
export interface Http {
  readonly got: Got;
}

export const DEFAULT_USER_AGENT = 'talos-release';

export function createHttp(options: HttpOptions = {}): Http {
  const env = options.env ?? {};
  const agentsFor = proxyAgentCache();
  const route = (requestOptions: NormalizedOptions): void => {
    const url = requestOptions.url;
    if (!(url instanceof URL)) return;
    assertAllowedUrl(url);
    const proxy = proxyForUrl(url, env);
    requestOptions.agent = proxy ? agentsFor(proxy) : {};
  };
  const instance = got.extend({
    retry: { limit: 0 },
    throwHttpErrors: false,
    decompress: false,
    headers: { 'user-agent': options.userAgent ?? DEFAULT_USER_AGENT },
    hooks: {
      beforeRequest: [route],
      beforeRedirect: [route],
      // A policy refusal thrown from a hook should reach the caller as itself, not wrapped.
      beforeError: [(error) => (error.cause instanceof ReleaseError ? error.cause : error)],
    },
  });
  return { got: instance };
}
