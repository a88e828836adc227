// The second local registry that redirect mode points at, standing in for the factory's external
// installer registry: it demands an anonymous bearer token through a WWW-Authenticate challenge
// (the Docker token flow) and then serves manifests by digest. Errors are OCI JSON, as real
// registries send them, unlike the factory's plain text.
import { randomBytes } from 'node:crypto';
import { goJson, send } from '../respond.js';
import type { Exchange } from '../respond.js';
import { Router } from '../router.js';
import { sendInstallerIndex } from './installer-index.js';
import { BACKING_REPO_PATH as BACKING_PREFIX } from './manifest-store.js';
import type { ManifestStore } from './manifest-store.js';

export interface BackingRegistryContext {
  readonly manifests: ManifestStore;
  /** e.g. http://127.0.0.1:41235 */
  registryUrl(): string;
}

function ociError(
  ex: Exchange,
  status: number,
  code: string,
  message: string,
  headers = {},
): Promise<void> {
  const body = goJson({ errors: [{ code, message, detail: null }] });
  return send(
    ex,
    status,
    { 'Content-Type': 'application/json', 'Content-Length': body.length, ...headers },
    body,
  );
}

export function backingRegistryRouter(context: BackingRegistryContext): Router {
  // Token → the repository it may pull. Scoped, so a token for one repository opens no other.
  const tokens = new Map<string, string>();
  const service = (): string => new URL(context.registryUrl()).host;

  const challenge = (ex: Exchange, repository?: string): Promise<void> => {
    const scope = repository === undefined ? '' : `,scope="repository:${repository}:pull"`;
    const value = `Bearer realm="${context.registryUrl()}/token",service="${service()}"${scope}`;
    return ociError(ex, 401, 'UNAUTHORIZED', 'authentication required', {
      'WWW-Authenticate': value,
    });
  };

  const token = async (ex: Exchange): Promise<void> => {
    const scope = /^repository:(.+):pull$/.exec(ex.query.get('scope') ?? '');
    if (ex.query.get('service') !== service() || !scope?.[1]) {
      await ociError(ex, 400, 'DENIED', 'service and a repository pull scope are required');
      return;
    }
    const issued = randomBytes(24).toString('hex');
    tokens.set(issued, scope[1]);
    const body = goJson({ token: issued });
    await send(
      ex,
      200,
      { 'Content-Type': 'application/json', 'Content-Length': body.length },
      body,
    );
  };

  /** True when the request carries a token for `repository`; otherwise answers the challenge. */
  const authorised = async (ex: Exchange, repository: string): Promise<boolean> => {
    const presented = /^Bearer (\S+)$/.exec(ex.req.headers.authorization ?? '')?.[1];
    if (presented !== undefined && tokens.get(presented) === repository) return true;
    await challenge(ex, repository);
    return false;
  };

  const manifest = async (ex: Exchange, params: readonly string[]): Promise<void> => {
    const [repository = '', reference = ''] = params;
    if (!(await authorised(ex, repository))) return;
    const prefix = `${BACKING_PREFIX}/`;
    const bytes = repository.startsWith(prefix)
      ? context.manifests.get(repository.slice(prefix.length), reference)
      : undefined;
    if (!bytes) {
      await ociError(ex, 404, 'MANIFEST_UNKNOWN', `manifest unknown: ${repository}@${reference}`);
      return;
    }
    await sendInstallerIndex(ex, bytes, reference);
  };

  return new Router()
    .on(['GET'], /^\/token$/, token)
    .on(['GET', 'HEAD'], /^\/v2\/?$/, (ex) => challenge(ex))
    .on(['GET', 'HEAD'], /^\/v2\/(.+)\/manifests\/([^/]+)$/, manifest)
    .on(['GET', 'HEAD'], /^\/v2\/(.+)\/(?:blobs|referrers)\/([^/]+)$/, async (ex, params) => {
      const [repository = '', digest = ''] = params;
      if (!(await authorised(ex, repository))) return;
      // Installer layers are not part of the stand-in: clients only resolve the index digest.
      await ociError(ex, 404, 'BLOB_UNKNOWN', `blob unknown: ${repository}@${digest}`);
    });
}
