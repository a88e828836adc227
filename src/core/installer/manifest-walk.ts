// Walks one manifest request to a digest: redirects are taken by hand (a 307 Location names the
// digest), a 200 gives Docker-Content-Digest or the hash of the manifest, anything else is a
// refusal or a transient failure for the caller's single retry.
import { createHash } from 'node:crypto';
import type { Response } from '../http/index.js';
import { IntegrityError, NetworkError } from '../errors.js';
import { assertAllowedUrl, hostWithPort, isTransientStatus, refusalForUrl } from '../http/index.js';
import {
  DIGEST_PATTERN,
  LOCATION_DIGEST_PATTERN,
  MAX_MANIFEST_BYTES,
} from './manifest-media-types.js';
import { requestManifest } from './registry-session.js';
import type { RegistrySession } from './registry-session.js';

const MAX_REDIRECTS = 5;

/** A failure the resolver's single retry may get past (a 5xx, a redirect without a target). */
class RegistryHiccup extends Error {}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** The digest of a 200 answer: the header when present, else the hash of the manifest itself. */
async function digestOfAnswer(
  session: RegistrySession,
  url: URL,
  head: Response<Buffer>,
): Promise<string> {
  const header = head.headers['docker-content-digest'];
  if (typeof header === 'string' && DIGEST_PATTERN.test(header.trim())) return header.trim();
  const full = await requestManifest(session, url, 'GET');
  if (full.statusCode !== 200)
    throw new RegistryHiccup(`GET ${url.pathname} answered HTTP ${full.statusCode}`);
  if (full.rawBody.length > MAX_MANIFEST_BYTES)
    throw new IntegrityError(
      `the manifest at ${url.href} is ${full.rawBody.length} bytes, too large for an image index`,
    );
  return `sha256:${createHash('sha256').update(full.rawBody).digest('hex')}`;
}

async function failureOf(
  session: RegistrySession,
  url: URL,
  response: Response<Buffer>,
): Promise<never> {
  const status = response.statusCode;
  if (isTransientStatus(status))
    throw new RegistryHiccup(`HTTP ${status} from ${hostWithPort(url)}`);
  // A HEAD carries no body, and the factory's reason is in the body: ask again with GET to quote it.
  const withBody = await requestManifest(session, url, 'GET');
  const text = withBody.statusCode === status ? withBody.rawBody.toString('utf8') : '';
  throw refusalForUrl('GET', url, status, text);
}

export async function resolveOnce(session: RegistrySession, start: URL): Promise<string> {
  let url = start;
  let digestFromLocation: string | undefined;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop += 1) {
    const response = await requestManifest(session, url, 'HEAD');
    if (isRedirect(response.statusCode)) {
      const location = response.headers.location;
      if (!location)
        throw new RegistryHiccup(
          `HTTP ${response.statusCode} without a Location from ${hostWithPort(url)}`,
        );
      url = new URL(location, url);
      assertAllowedUrl(url);
      digestFromLocation = LOCATION_DIGEST_PATTERN.exec(url.pathname)?.[1] ?? digestFromLocation;
      continue;
    }
    if (response.statusCode !== 200) {
      // The Location already named the digest; the target only failed to confirm it.
      if (digestFromLocation && url !== start) return digestFromLocation;
      return failureOf(session, url, response);
    }
    const digest = await digestOfAnswer(session, url, response);
    if (digestFromLocation && digest !== digestFromLocation)
      throw new IntegrityError(
        `the registry at ${hostWithPort(url)} serves ${digest}, but the factory redirected to ${digestFromLocation}`,
        {
          hint: 'The installer image changed while it was being resolved; run again.',
        },
      );
    return digest;
  }
  throw new NetworkError(`more than ${MAX_REDIRECTS} redirects while resolving ${start.href}`);
}
