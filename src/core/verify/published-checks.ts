// `verify --online` for a published release: does every reference in releases/<v>.publish.json
// still resolve to the digest recorded when it was published? A tag moved by someone else, or a
// registry that lost an image, shows up here, not at a site's install.
import { ExitCode } from '../errors.js';
import type { Http } from '../http/index.js';
import { readPublishRecord } from '../publish/index.js';
import type { Publication } from '../publish/index.js';
import { createRegistryClient, loadDockerCredentials } from '../registry/index.js';
import { failed, passed } from './checklist.js';
import type { CheckResult } from './checklist.js';

export interface PublishedCheckOptions {
  readonly root: string;
  readonly http: Http;
  readonly env?: NodeJS.ProcessEnv | undefined;
  readonly registryCa?: Buffer | undefined;
  readonly signal?: AbortSignal | undefined;
}

export async function checkPublishedReferences(
  releaseVersion: string,
  options: PublishedCheckOptions,
): Promise<CheckResult[]> {
  const record = await readPublishRecord(options.root, releaseVersion);
  if (!record) return [];
  const credentials = await loadDockerCredentials({ env: options.env ?? {} });
  const checks: CheckResult[] = [];
  for (const publication of record.publications) {
    const client = createRegistryClient({
      http: options.http,
      destination: {
        host: publication.registry,
        prefix: publication.prefix,
        scheme: publication.scheme,
      },
      credentials,
      ca: options.registryCa,
    });
    const title = `published references at ${publication.registry}/${publication.prefix} resolve to the recorded digests`;
    const moved: string[] = [];
    for (const { reference, digest } of referencesOf(publication)) {
      const { repository, tag } = splitReference(reference, publication.registry);
      let found: string | undefined;
      try {
        found = await client.manifestDigest(repository, tag, options.signal);
      } catch (error) {
        moved.push(`${reference}: ${(error as Error).message}`);
        continue;
      }
      if (found !== digest) moved.push(`${reference}: ${found ?? 'missing'}, recorded ${digest}`);
    }
    checks.push(
      moved.length === 0
        ? passed('published', title, `${referencesOf(publication).length} references`)
        : failed('published', title, {
            detail: moved.join('\n'),
            fix: 'Publish the release again (talos-release publish), or find out who moved the tag.',
            exitCode: ExitCode.integrity,
          }),
    );
  }
  return checks;
}

/** Version tags and digests only: a channel tag is meant to move on to later releases. */
function referencesOf(publication: Publication): { reference: string; digest: string }[] {
  const release = publication.release;
  return [
    { reference: release.reference, digest: release.digest },
    ...publication.installers.flatMap((installer) => [
      { reference: installer.reference, digest: installer.digest },
      ...(installer.signature ? [installer.signature] : []),
    ]),
  ];
}

function splitReference(reference: string, registry: string): { repository: string; tag: string } {
  const path = reference.slice(registry.length + 1);
  const colon = path.lastIndexOf(':');
  return { repository: path.slice(0, colon), tag: path.slice(colon + 1) };
}
