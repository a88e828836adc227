// The download engine's and the installer resolver's view of the shared HTTP layer: the same URL
// policy and proxy routing, plus the two settings byte-exact transfers need.
import type { Got } from 'got';
import { createHttpClient } from '../factory/http.js';

export { assertAllowedUrl } from '../factory/http.js';

/**
 * Status codes are judged by the caller (a 4xx body carries the factory's reason), and bodies are
 * never decompressed: the bytes must match Content-Length and the recorded hash.
 */
export function httpClient(env: NodeJS.ProcessEnv): Got {
  return createHttpClient({ env }).extend({ throwHttpErrors: false, decompress: false });
}

/** host:port, with the scheme's default port spelled out so logs are unambiguous. */
export function hostWithPort(url: URL | string): string {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  if (parsed.port) return parsed.host;
  return `${parsed.host}:${parsed.protocol === 'https:' ? 443 : 80}`;
}
