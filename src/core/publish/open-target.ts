// Turns `--to`, `--registry-ca`, `--insecure-registry` and the operator's Docker credentials into
// the registry a publish writes to. Everything is checked here, before any upload starts.
import { readFile } from 'node:fs/promises';
import { UserInputError } from '../errors.js';
import type { Http } from '../http/index.js';
import {
  createRegistryClient,
  loadDockerCredentials,
  parseRegistryDestination,
} from '../registry/index.js';
import type { PublishTarget } from './publish-release.js';

export interface PublishTargetOptions {
  readonly http: Http;
  /** `<host[:port]>/<prefix>`. */
  readonly to: string;
  readonly insecure: boolean;
  /** A PEM file with the CA that signed the registry's certificate. */
  readonly caPath?: string | undefined;
  readonly env: NodeJS.ProcessEnv;
}

export async function openPublishTarget(options: PublishTargetOptions): Promise<PublishTarget> {
  const destination = parseRegistryDestination(options.to, { insecure: options.insecure });
  const ca =
    options.caPath === undefined
      ? undefined
      : await readFile(options.caPath).catch(() => {
          throw new UserInputError(`--registry-ca ${options.caPath} cannot be read`, {
            hint: 'Give the PEM file of the CA that signed the registry certificate.',
          });
        });
  const credentials = await loadDockerCredentials({ env: options.env });
  return {
    registry: destination.host,
    scheme: destination.scheme,
    prefix: destination.prefix,
    destination: createRegistryClient({ http: options.http, destination, credentials, ca }),
  };
}
