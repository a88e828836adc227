// Docker's credential store as `docker login` leaves it: auths (base64, user/password,
// identitytoken), credHelpers and credsStore run as real programs on PATH, and the failures an
// operator can meet (missing helper, hanging helper, malformed config), none leaking a secret.
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserInputError } from '../../../src/core/errors.js';
import { loadDockerCredentials } from '../../../src/core/registry/index.js';

const FAKE_HELPER = `#!/bin/sh
read -r server
printf '%s\\n' "$server" >> "$FAKE_LOG"
case "$server" in
  reg.example.com) echo '{"ServerURL":"reg.example.com","Username":"alice","Secret":"s3cret-helper"}' ;;
  token.example.com) echo '{"ServerURL":"token.example.com","Username":"<token>","Secret":"refresh-abc"}' ;;
  hang.example.com) exec sleep 30 ;;
  broken.example.com) echo "keychain locked" >&2; exit 3 ;;
  *) echo "credentials not found in native keychain"; exit 1 ;;
esac
`;

let dir: string;
let bin: string;
let log: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'docker-creds-'));
  bin = join(dir, 'bin');
  log = join(dir, 'helper.log');
  await mkdir(bin);
  await writeFile(join(bin, 'docker-credential-fake'), FAKE_HELPER);
  await chmod(join(bin, 'docker-credential-fake'), 0o755);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function withConfig(config: unknown): Promise<NodeJS.ProcessEnv> {
  const configDir = await mkdtemp(join(dir, 'config-'));
  await writeFile(
    join(configDir, 'config.json'),
    typeof config === 'string' ? config : JSON.stringify(config),
  );
  return { DOCKER_CONFIG: configDir, PATH: `${bin}:${process.env['PATH'] ?? ''}`, FAKE_LOG: log };
}

const b64 = (text: string): string => Buffer.from(text).toString('base64');

describe('loadDockerCredentials', () => {
  it('reads auths in each spelling Docker writes: host, host:port, URL', async () => {
    const store = await loadDockerCredentials({
      env: await withConfig({
        auths: {
          'reg.example.com': { auth: b64('bob:pa:ss') },
          'localhost:5000': { username: 'carol', password: 'pw2' },
          'https://Other.Example.com/v1/': { auth: b64('dave:pw3') },
          'id.example.com': { auth: '', identitytoken: 'refresh-xyz' },
        },
      }),
    });
    expect(await store.credentialFor('reg.example.com')).toEqual({
      kind: 'basic',
      username: 'bob',
      password: 'pa:ss',
    });
    expect(await store.credentialFor('localhost:5000')).toEqual({
      kind: 'basic',
      username: 'carol',
      password: 'pw2',
    });
    expect(await store.credentialFor('other.example.com')).toMatchObject({ username: 'dave' });
    expect(await store.credentialFor('id.example.com')).toEqual({
      kind: 'identity-token',
      token: 'refresh-xyz',
    });
    // A credential belongs to its own host only: not to another port, not to a look-alike.
    expect(await store.credentialFor('localhost:5001')).toBeUndefined();
    expect(await store.credentialFor('reg.example.com.evil.net')).toBeUndefined();
  });

  it('uses $HOME/.docker/config.json without DOCKER_CONFIG, and no file means no credentials', async () => {
    const home = await mkdtemp(join(dir, 'home-'));
    const store = await loadDockerCredentials({ env: { HOME: home } });
    expect(store.configPath).toBe(join(home, '.docker', 'config.json'));
    expect(store.configFound).toBe(false);
    expect(await store.credentialFor('reg.example.com')).toBeUndefined();
  });

  it('names the file when it is not valid JSON', async () => {
    const env = await withConfig('{ "auths": ');
    const error = await loadDockerCredentials({ env }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as UserInputError).message).toContain(
      join(env['DOCKER_CONFIG'] ?? '', 'config.json'),
    );
  });

  it('asks credHelpers first: basic answers, <token> answers, and the server address on stdin', async () => {
    const store = await loadDockerCredentials({
      env: await withConfig({
        credHelpers: {
          'reg.example.com': 'fake',
          'token.example.com': 'fake',
          'none.example.com': 'fake',
        },
        auths: {
          'reg.example.com': { auth: b64('file:ignored') },
          'none.example.com': { auth: b64('x:y') },
        },
      }),
    });
    expect(await store.credentialFor('reg.example.com')).toEqual({
      kind: 'basic',
      username: 'alice',
      password: 's3cret-helper',
    });
    expect(await store.credentialFor('token.example.com')).toEqual({
      kind: 'identity-token',
      token: 'refresh-abc',
    });
    // The per-host helper has the last word: "not found" there means none.
    expect(await store.credentialFor('none.example.com')).toBeUndefined();
    const asked = (await readFile(log, 'utf8')).split('\n');
    expect(asked).toEqual(expect.arrayContaining(['reg.example.com', 'token.example.com']));
  });

  it('uses credsStore for every host, falling back to auths when it has nothing', async () => {
    const store = await loadDockerCredentials({
      env: await withConfig({
        credsStore: 'fake',
        auths: { 'plain.example.com': { auth: b64('erin:pw4') } },
      }),
    });
    expect(await store.credentialFor('reg.example.com')).toMatchObject({ username: 'alice' });
    expect(await store.credentialFor('plain.example.com')).toMatchObject({ username: 'erin' });
    expect(await store.credentialFor('unknown.example.com')).toBeUndefined();
  });

  it('names a helper that is not installed and the config that asks for it', async () => {
    const env = await withConfig({ credHelpers: { 'reg.example.com': 'missing-one' } });
    const store = await loadDockerCredentials({ env });
    const error = await store.credentialFor('reg.example.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as UserInputError).message).toContain('docker-credential-missing-one');
    expect((error as UserInputError).message).toContain(store.configPath);
    expect((error as UserInputError).message).toContain('not installed');
  });

  it('reports a failing helper with its own words, and kills one that hangs', async () => {
    const store = await loadDockerCredentials({
      env: await withConfig({ credsStore: 'fake' }),
      helperTimeoutMs: 300,
    });
    const broken = await store.credentialFor('broken.example.com').catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(UserInputError);
    expect((broken as UserInputError).message).toMatch(/exit code 3\): keychain locked/);
    const started = Date.now();
    const hung = await store.credentialFor('hang.example.com').catch((e: unknown) => e);
    expect(hung).toBeInstanceOf(UserInputError);
    expect((hung as UserInputError).message).toContain('did not answer');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
