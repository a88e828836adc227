// The second local registry that redirect mode points at, standing in for the factory's external
// installer registry: it demands an anonymous bearer token through a WWW-Authenticate challenge
// (the Docker token flow) and then serves manifests and blobs by digest. Errors are OCI JSON, as real
// registries send them, unlike the factory's plain text.
import { randomBytes } from 'node:crypto';
import { goJson, send } from '../respond.js';
import type { Exchange } from '../respond.js';
import { Router } from '../router.js';
import { BACKING_REPO_PATH as BACKING_PREFIX } from './manifest-store.js';
import type { ManifestStore } from './manifest-store.js';
import { sendContent } from './registry-content.js';

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

  /** The frontend's `<image>/<id>` for one of this registry's repositories. */
  const frontendRepository = (repository: string): string | undefined => {
    const prefix = `${BACKING_PREFIX}/`;
    return repository.startsWith(prefix) ? repository.slice(prefix.length) : undefined;
  };

  /** Manifests and blobs alike: authorised, then the stored bytes or the registry's 404. */
  const stored =
    (kind: 'manifest' | 'blob') =>
    async (ex: Exchange, params: readonly string[]): Promise<void> => {
      const [repository = '', reference = ''] = params;
      if (!(await authorised(ex, repository))) return;
      const inner = frontendRepository(repository);
      const store = context.manifests;
      const found =
        inner === undefined
          ? undefined
          : kind === 'manifest'
            ? store.manifest(inner, reference)
            : store.blob(inner, reference);
      if (!found) {
        const code = kind === 'manifest' ? 'MANIFEST_UNKNOWN' : 'BLOB_UNKNOWN';
        await ociError(ex, 404, code, `${kind} unknown: ${repository}@${reference}`);
        return;
      }
      await sendContent(ex, found);
    };

  return new Router()
    .on(['GET'], /^\/token$/, token)
    .on(['GET', 'HEAD'], /^\/v2\/?$/, (ex) => challenge(ex))
    .on(['GET', 'HEAD'], /^\/v2\/(.+)\/manifests\/([^/]+)$/, stored('manifest'))
    .on(['GET', 'HEAD'], /^\/v2\/(.+)\/blobs\/([^/]+)$/, stored('blob'))
    .on(['GET', 'HEAD'], /^\/v2\/(.+)\/referrers\/([^/]+)$/, async (ex, params) => {
      const [repository = '', digest = ''] = params;
      if (!(await authorised(ex, repository))) return;
      // No referrers (attestations) are stored for installers.
      await ociError(ex, 404, 'BLOB_UNKNOWN', `blob unknown: ${repository}@${digest}`);
    });
}
