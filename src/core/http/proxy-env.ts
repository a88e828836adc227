// Proxy selection from HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY, read from an injected env
// so tests and embedders never touch process.env. The tunnelling itself is left to hpagent.
import { isLoopbackHost } from './loopback.js';

function readEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  // Lowercase wins, as in curl and most tools that honour these variables.
  const value = env[name.toLowerCase()] || env[name.toUpperCase()];
  return value ? value.trim() || undefined : undefined;
}

function defaultPort(protocol: string): number {
  return protocol === 'https:' ? 443 : 80;
}

/** True when NO_PROXY says `url` must be fetched directly. */
export function bypassesProxy(url: URL, env: NodeJS.ProcessEnv): boolean {
  const noProxy = readEnv(env, 'NO_PROXY');
  if (!noProxy) return false;
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : defaultPort(url.protocol);
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((rawEntry) => {
      const entry = rawEntry.toLowerCase();
      if (entry === '*') return true;
      const withPort = /^(.+):(\d+)$/.exec(entry);
      const entryHost = (withPort?.[1] ?? entry).replace(/^\[|\]$/g, '').replace(/^\*?\.?/, '');
      if (withPort?.[2] !== undefined && Number(withPort[2]) !== port) return false;
      // `example.com` and `.example.com` both cover subdomains, as curl treats them.
      return host === entryHost || host.endsWith(`.${entryHost}`);
    });
}

/** The proxy URL to use for `url`, or undefined for a direct connection. Loopback is never proxied. */
export function proxyForUrl(url: URL, env: NodeJS.ProcessEnv): string | undefined {
  if (isLoopbackHost(url.hostname)) return undefined;
  if (bypassesProxy(url, env)) return undefined;
  const proxy =
    url.protocol === 'https:'
      ? readEnv(env, 'HTTPS_PROXY')
      : url.protocol === 'http:'
        ? readEnv(env, 'HTTP_PROXY')
        : undefined;
  const chosen = proxy ?? readEnv(env, 'ALL_PROXY');
  if (!chosen) return undefined;
  return chosen.includes('://') ? chosen : `http://${chosen}`;
}
