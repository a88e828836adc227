// Credentials and TLS against real registries: an htpasswd registry takes the password from a
// Docker config and refuses a wrong one with exit 3 (the hint names the config, never the
// password); a TLS registry signed by a test CA works with that CA and fails clearly without it.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryRefusedError, UserInputError } from '../../../src/core/errors.js';
import { createHttp } from '../../../src/core/http/index.js';
import {
  createRegistryClient,
  loadDockerCredentials,
  parseRegistryDestination,
} from '../../../src/core/registry/index.js';
import type { CredentialSource } from '../../../src/core/registry/index.js';
import {
  HAS_DOCKER_REGISTRY,
  NO_REGISTRY_MESSAGE,
  SKOPEO_BIN,
  skopeoArgs,
  startDockerRegistry,
} from '../../e2e/helpers/docker-registry.js';
import type { DockerRegistry } from '../../e2e/helpers/docker-registry.js';
import { artifactManifest, bufferBlob, EMPTY_CONFIG } from './helpers.js';

const run = promisify(execFile);
const USER = { username: 'publisher', password: 'correct horse 7f3a' };
const WRONG = 'wrong-password-91c2';

async function dockerConfig(
  dir: string,
  host: string,
  password: string,
): Promise<CredentialSource> {
  const configDir = await mkdtemp(join(dir, 'docker-'));
  const auth = Buffer.from(`${USER.username}:${password}`).toString('base64');
  await writeFile(join(configDir, 'config.json'), JSON.stringify({ auths: { [host]: { auth } } }));
  return loadDockerCredentials({ env: { DOCKER_CONFIG: configDir } });
}

describe.skipIf(!HAS_DOCKER_REGISTRY)(
  `registry credentials and TLS (${NO_REGISTRY_MESSAGE})`,
  () => {
    let dir: string;
    let basic: DockerRegistry;
    let tls: DockerRegistry;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'registry-auth-'));
      [basic, tls] = await Promise.all([
        startDockerRegistry({ auth: USER }),
        startDockerRegistry({ tls: true }),
      ]);
    }, 60_000);
    afterAll(async () => {
      await Promise.all([basic?.close(), tls?.close()]);
      await rm(dir, { recursive: true, force: true });
    });

    it('pushes with the password stored in the Docker config (htpasswd registry)', async () => {
      const client = createRegistryClient({
        http: createHttp(),
        destination: parseRegistryDestination(`${basic.host}/team`, { insecure: true }),
        credentials: await dockerConfig(dir, basic.host, USER.password),
      });
      const layer = bufferBlob(Buffer.from('behind a password'));
      for (const blob of [EMPTY_CONFIG, layer]) {
        await client.putBlob('team/release', blob.descriptor, blob.open);
      }
      const manifest = artifactManifest(layer.descriptor);
      await client.putManifest('team/release', 'v1', manifest);
      expect(await client.manifestDigest('team/release', 'v1')).toBe(manifest.digest);
      if (SKOPEO_BIN) {
        const { stdout } = await run(
          SKOPEO_BIN,
          [
            'inspect',
            '--raw',
            ...skopeoArgs(basic, USER),
            `docker://${basic.host}/team/release:v1`,
          ],
          { encoding: 'buffer' },
        );
        expect(Buffer.compare(stdout, manifest.bytes)).toBe(0);
      }
    });

    it('refuses a wrong password with exit 3; the hint names the config file, not the password', async () => {
      const credentials = await dockerConfig(dir, basic.host, WRONG);
      const client = createRegistryClient({
        http: createHttp(),
        destination: parseRegistryDestination(`${basic.host}/team`, { insecure: true }),
        credentials,
      });
      const blob = bufferBlob(Buffer.from('never stored'));
      const failure = await client
        .putBlob('team/release', blob.descriptor, blob.open)
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(RegistryRefusedError);
      const refused = failure as RegistryRefusedError;
      expect(refused.exitCode).toBe(3);
      expect(refused.kind).toBe('registry');
      expect(refused.hint).toContain(credentials.configPath);
      expect(refused.hint).toContain(`docker login ${basic.host}`);
      const everything = `${refused.message}\n${refused.hint}\n${JSON.stringify(refused)}`;
      expect(everything).not.toContain(WRONG);
      expect(everything).not.toContain(Buffer.from(`${USER.username}:${WRONG}`).toString('base64'));
    });

    it('says credentials are missing when the config has none for the host', async () => {
      const empty = await mkdtemp(join(dir, 'empty-'));
      const client = createRegistryClient({
        http: createHttp(),
        destination: parseRegistryDestination(`${basic.host}/team`, { insecure: true }),
        credentials: await loadDockerCredentials({ env: { DOCKER_CONFIG: empty } }),
      });
      const failure = await client
        .hasBlob('team/release', EMPTY_CONFIG.descriptor)
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(RegistryRefusedError);
      expect((failure as RegistryRefusedError).message).toMatch(/none are stored/);
      expect((failure as RegistryRefusedError).hint).toContain(join(empty, 'config.json'));
    });

    it('talks TLS to a registry signed by the test CA when given that CA', async () => {
      const client = createRegistryClient({
        http: createHttp(),
        destination: parseRegistryDestination(`${tls.host}/team`),
        ca: await readFile(tls.caPath ?? ''),
      });
      await client.putBlob('team/tls', EMPTY_CONFIG.descriptor, EMPTY_CONFIG.open);
      expect(await client.hasBlob('team/tls', EMPTY_CONFIG.descriptor)).toBe(true);
    });

    it('fails clearly without the CA, pointing at --registry-ca', async () => {
      const client = createRegistryClient({
        http: createHttp(),
        destination: parseRegistryDestination(`${tls.host}/team`),
      });
      const failure = await client
        .hasBlob('team/tls', EMPTY_CONFIG.descriptor)
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(UserInputError);
      expect((failure as UserInputError).message).toMatch(
        /TLS certificate of the registry .* is not trusted/,
      );
      expect((failure as UserInputError).hint).toContain('--registry-ca');
    });
  },
);
