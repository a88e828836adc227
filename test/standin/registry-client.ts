// A registry client in miniature for the stand-in's tests: it follows the frontend's 307 and
// answers the bearer challenge of the second registry, as a real client must.
import { expect } from 'vitest';
import type { RunningStandin } from '../../src/standin/types.js';
import { send } from './helpers.js';
import type { Reply } from './helpers.js';

export const ACCEPT =
  'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json';

/** A registry client in miniature: follows one 307 and answers the bearer challenge behind it. */
export async function pull(factory: RunningStandin, path: string, method = 'GET'): Promise<Reply> {
  const first = await send(`${factory.url}/v2/${path}`, { method, headers: { Accept: ACCEPT } });
  if (first.status !== 307) return first;
  const location = first.headers.location ?? '';
  expect(location.startsWith(`${factory.registryUrl}/v2/`)).toBe(true);
  const challenged = await send(location, { method, headers: { Accept: ACCEPT } });
  expect(challenged.status).toBe(401);
  const header = challenged.headers['www-authenticate'] ?? '';
  const field = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(header)?.[1] ?? '';
  const tokenReply = await send(
    `${field('realm')}?service=${encodeURIComponent(field('service'))}&scope=${encodeURIComponent(field('scope'))}`,
  );
  const { token } = JSON.parse(tokenReply.text) as { token: string };
  return send(location, { method, headers: { Accept: ACCEPT, Authorization: `Bearer ${token}` } });
}

/** Where the frontend's 307 for `metal-installer/<id>:v1.12.0` points: host, repository, digest. */
export async function redirectTarget(
  factory: RunningStandin,
  id: string,
): Promise<{ host: string; repository: string; digest: string }> {
  const redirect = await send(`${factory.url}/v2/metal-installer/${id}/manifests/v1.12.0`);
  const location = new URL(redirect.headers.location ?? '');
  const [, repository = '', digest = ''] =
    /^\/v2\/(.+)\/manifests\/(sha256:[0-9a-f]{64})$/.exec(location.pathname) ?? [];
  return { host: location.host, repository, digest };
}
