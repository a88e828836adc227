// A signed release end to end: keygen, a release against the stand-in with --sign-key, the real
// minisign accepting the sums' signature, and verify --pubkey catching every kind of tampering.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provenanceSubjects, verifyEnvelope } from '../../src/core/provenance/index.js';
import type { ReleaseManifest } from '../../src/core/manifest/index.js';
import { parsePublicKey } from '../../src/core/signing/index.js';
import { runCli } from './helpers/cli.js';
import { releaseArgs } from './helpers/release.js';
import { RELEASED_MANIFEST, useReleasedRepo } from './helpers/released-repo.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

const HAS_MINISIGN = spawnSync('minisign', ['-v']).status === 0;
const PASSWORD = 'release-signing-test-password';
const SUMS = 'releases/0.1.0.sha256sums';
const SIGNATURE = `${SUMS}.minisig`;
const PROVENANCE = 'releases/0.1.0.intoto.json';
// Two scrypt unlocks at minisign's sensitive limits (1 GiB each) before the release itself.
const SLOW = 120_000;

let keys: string;
const keyFile = (): string => join(keys, 'talos-release.key');
const pubFile = (): string => join(keys, 'talos-release.pub');

beforeAll(async () => {
  keys = await mkdtemp(join(tmpdir(), 'talos-release-keys-'));
  const made = await runCli(['keygen', '--out', keys, '--json'], {
    cwd: keys,
    env: { TALOS_RELEASE_SIGN_PASSWORD: PASSWORD },
  });
  if (made.code !== 0) throw new Error(`keygen failed:\n${made.stderr}`);
}, SLOW);
afterAll(() => rm(keys, { recursive: true, force: true }));

const release = useReleasedRepo({
  imageSize: 8 * 1024 + 1,
  args: () => ['--sign-key', keyFile()],
  env: () => ({ TALOS_RELEASE_SIGN_PASSWORD: PASSWORD }),
});

describe.skipIf(!HAS_MINISIGN)('a signed release (needs /usr/bin/minisign)', () => {
  it('keygen wrote a 0600 secret key and a public key minisign reads', async () => {
    expect(statSync(keyFile()).mode & 0o777).toBe(0o600);
    const pub = await readFile(pubFile(), 'utf8');
    expect(pub).toMatch(
      /^untrusted comment: minisign public key [0-9A-F]{1,16}\nRW[A-Za-z0-9+/]{54}\n$/,
    );
    expect(await readFile(keyFile(), 'utf8')).not.toContain(PASSWORD);
  });

  it('writes the signature and the provenance; the real minisign -V accepts the sums', async () => {
    const repo = release.original();
    const files = await repo.files();
    expect(files).toContain(SIGNATURE);
    expect(files).toContain(PROVENANCE);
    const checked = spawnSync('minisign', ['-V', '-p', pubFile(), '-m', SUMS], {
      cwd: repo.root,
      encoding: 'utf8',
    });
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(
      /Trusted comment: timestamp:\d+\tfile:0\.1\.0\.sha256sums\thashed/,
    );
  });

  it('verify <version> --pubkey passes with the .pub file and with the bare key line', async () => {
    const repo = await release.copy();
    const byFile = await runCli(['verify', '0.1.0', '--pubkey', pubFile()], { cwd: repo.root });
    expect(byFile.code, byFile.stdout + byFile.stderr).toBe(0);
    expect(byFile.stdout).toMatch(/^ok +releases\/0\.1\.0\.sha256sums\.minisig is a signature of/m);
    expect(byFile.stdout).toMatch(/^ok +releases\/0\.1\.0\.intoto\.json is signed by key/m);
    const line = (await readFile(pubFile(), 'utf8')).split('\n')[1]!;
    const byLine = await runCli(['verify', '0.1.0', '--pubkey', line], { cwd: repo.root });
    expect(byLine.code, byLine.stdout).toBe(0);
  });

  it('a changed byte in the sums exits 5 naming the sums file', async () => {
    const repo = await release.copy();
    const sums = await repo.read(SUMS);
    const flipped = `${sums[0] === 'a' ? 'b' : 'a'}${sums.slice(1)}`;
    await writeFile(repo.path(SUMS), flipped);
    const result = await runCli(['verify', '0.1.0', '--pubkey', pubFile()], { cwd: repo.root });
    expect(result.code).toBe(5);
    expect(result.stdout).toContain(`${SUMS} does not match its signature ${SIGNATURE}`);
  });

  it('a changed byte in an artifact exits 5 naming the artifact', async () => {
    const repo = await release.copy();
    const manifest = release.manifest();
    const path = repo.path(manifest.os.iso.localPath);
    const bytes = await readFile(path);
    bytes[100] = (bytes[100]! + 1) % 256;
    await writeFile(path, bytes);
    const result = await runCli(['verify', '0.1.0', '--pubkey', pubFile()], { cwd: repo.root });
    expect(result.code).toBe(5);
    expect(result.stdout).toMatch(
      new RegExp(`^FAIL.*${manifest.os.iso.localPath.replace(/\./g, '\\.')}`, 'm'),
    );
    // The signature itself still holds: it is the image that changed.
    expect(result.stdout).toMatch(/^ok +releases\/0\.1\.0\.sha256sums\.minisig/m);
  });

  it('another key exits 5, and so does a release without a signature', async () => {
    const repo = await release.copy();
    const other = await mkdtemp(join(tmpdir(), 'talos-release-other-'));
    try {
      const made = await runCli(['keygen', '--unencrypted', '--out', other], { cwd: other });
      expect(made.code, made.stderr).toBe(0);
      const wrong = await runCli(
        ['verify', '0.1.0', '--pubkey', join(other, 'talos-release.pub')],
        {
          cwd: repo.root,
        },
      );
      expect(wrong.code).toBe(5);
      expect(wrong.stdout).toMatch(/was made with key [0-9A-F]{1,16}, not with the given key/);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
    await rm(repo.path(SIGNATURE));
    const unsigned = await runCli(['verify', '0.1.0', '--pubkey', pubFile()], { cwd: repo.root });
    expect(unsigned.code).toBe(5);
    expect(unsigned.stdout).toContain('release 0.1.0 is not signed');
  });

  it("the DSSE envelope verifies and its subjects are the manifest's artifacts and installers", async () => {
    const repo = release.original();
    const envelope: unknown = await repo.readJson(PROVENANCE);
    const statement = verifyEnvelope(envelope, parsePublicKey(await readFile(pubFile(), 'utf8')));
    const manifest = await repo.readJson<ReleaseManifest>(RELEASED_MANIFEST);
    expect(statement.subject).toEqual(provenanceSubjects(manifest));
    const names = statement.subject.map((s) => s.name);
    expect(names).toContain(manifest.os.iso.localPath);
    expect(names).toContain(manifest.os.installer.image.replace(/@sha256:.*$/, ''));
    expect(statement.predicate.buildDefinition.externalParameters).toMatchObject({
      talosVersion: manifest.talos.version,
      factoryUrl: manifest.talos.factoryUrl,
      schematics: [{ id: manifest.talos.schematicId, yaml: manifest.talos.schematic }],
    });
  });

  it('a changed provenance exits 5 naming it', async () => {
    const repo = await release.copy();
    const envelope = await repo.readJson<{ payload: string }>(PROVENANCE);
    const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString()) as {
      subject: { digest: { sha256: string } }[];
    };
    statement.subject[0]!.digest.sha256 = '0'.repeat(64);
    envelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    await writeFile(repo.path(PROVENANCE), JSON.stringify(envelope));
    const result = await runCli(['verify', '0.1.0', '--pubkey', pubFile()], { cwd: repo.root });
    expect(result.code).toBe(5);
    expect(result.stdout).toContain(`${PROVENANCE} does not match its signature`);
  });
});

describe('signing keys fail fast, before anything is downloaded', () => {
  const e2e = useStandinAndRepos({ imageSize: 1024 });

  it('no password and no terminal: exit 2 with the variable to set, no request sent', async () => {
    const repo = await e2e.makeRepo();
    const before = e2e.standin.requests.length;
    const result = await runCli(releaseArgs(e2e.standin, '--sign-key', keyFile()), {
      cwd: repo.root,
      env: { TALOS_RELEASE_SIGN_PASSWORD: undefined },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a signing password is needed and there is no terminal');
    expect(result.stderr).toContain('TALOS_RELEASE_SIGN_PASSWORD');
    expect(e2e.standin.requests.length).toBe(before);
  });

  it(
    'a wrong password: exit 2 naming the key, never the password, no request sent',
    async () => {
      const repo = await e2e.makeRepo();
      const before = e2e.standin.requests.length;
      const result = await runCli(releaseArgs(e2e.standin, '--sign-key', keyFile()), {
        cwd: repo.root,
        env: { TALOS_RELEASE_SIGN_PASSWORD: 'not-the-password' },
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`wrong password for ${keyFile()}`);
      expect(result.stdout + result.stderr).not.toContain('not-the-password');
      expect(e2e.standin.requests.length).toBe(before);
    },
    SLOW,
  );

  it('a key path from talos-release.yaml that does not exist: exit 2 naming it', async () => {
    const repo = await e2e.makeRepo();
    await writeFile(repo.path('talos-release.yaml'), 'signing:\n  key: keys/missing.key\n');
    const result = await runCli(releaseArgs(e2e.standin), { cwd: repo.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`signing key ${repo.path('keys/missing.key')} does not exist`);
  });

  it('keygen never overwrites a key pair without --force, and needs a password or --unencrypted', async () => {
    const again = await runCli(['keygen', '--out', keys, '--unencrypted'], { cwd: keys });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exist');
    const dir = await mkdtemp(join(tmpdir(), 'talos-release-nokey-'));
    try {
      const noTty = await runCli(['keygen', '--out', dir], {
        cwd: dir,
        env: { TALOS_RELEASE_SIGN_PASSWORD: undefined },
      });
      expect(noTty.code).toBe(2);
      expect(noTty.stderr).toContain('--unencrypted');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
