// A signed release carried to an air-gapped site: `bundle` to a tar and to a directory, checked
// there with the real minisign, sha256sum, GNU tar and skopeo, verified offline with
// `verify --bundle`, and loaded into a second real registry with `publish --from`. Then every
// kind of damaged bundle: a clear error, exit 2 or 5, and nothing pushed.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadSigningKey, signBytes } from '../../src/core/signing/index.js';
import { runCli } from './helpers/cli.js';
import type { CliResult } from './helpers/cli.js';
import { HAS_DOCKER_REGISTRY, startDockerRegistry } from './helpers/docker-registry.js';
import type { DockerRegistry } from './helpers/docker-registry.js';
import {
  catalog,
  HAS_MINISIGN,
  HAS_SKOPEO,
  inspectRaw,
  sha256Of,
  tool,
  writeTarByHand,
} from './helpers/bundle-tools.js';
import { TALOS_VERSION } from './helpers/release.js';
import { useReleasedRepo } from './helpers/released-repo.js';

const PASSWORD = 'bundle-test-password';
const SUMS = 'releases/0.1.0.sha256sums';
const SIGNATURE = `${SUMS}.minisig`;
// keygen and the release each unlock a key at minisign's sensitive scrypt limits.
const SLOW = 60_000;

interface Installer {
  readonly image: string;
  readonly digest: string;
}
interface Manifest {
  readonly installers: readonly Installer[];
  readonly channel: string;
  readonly os: { readonly iso: { readonly localPath: string; readonly sha256: string } };
}

let keys: string;
let work: string;
const pubFile = (): string => join(keys, 'talos-release.pub');
const otherPubFile = (): string => join(keys, 'other', 'talos-release.pub');
/** A signature by the right key over other bytes: another cut of 0.1.0's sums. */
let foreignSignature: string;
/** The key unlocked in this process, alongside the release's own unlock (scrypt is the slow part). */
let unlocking: ReturnType<typeof loadSigningKey>;

beforeAll(async () => {
  keys = await mkdtemp(join(tmpdir(), 'bundle-keys-'));
  work = await mkdtemp(join(tmpdir(), 'bundle-work-'));
  const [made, other] = await Promise.all([
    runCli(['keygen', '--out', keys], {
      cwd: keys,
      env: { TALOS_RELEASE_SIGN_PASSWORD: PASSWORD },
    }),
    runCli(['keygen', '--unencrypted', '--out', join(keys, 'other')], { cwd: keys }),
  ]);
  if (made.code !== 0) throw new Error(`keygen failed:\n${made.stderr}`);
  if (other.code !== 0) throw new Error(`keygen --unencrypted failed:\n${other.stderr}`);
  unlocking = loadSigningKey(join(keys, 'talos-release.key'), async () => PASSWORD);
  // Awaited in the bundling hook; a failure must not go unhandled before then.
  unlocking.catch(() => undefined);
}, SLOW);
afterAll(async () => {
  await rm(keys, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

const release = useReleasedRepo({
  imageSize: 64 * 1024,
  args: () => ['--sign-key', join(keys, 'talos-release.key')],
  env: () => ({ TALOS_RELEASE_SIGN_PASSWORD: PASSWORD }),
});

let manifest: Manifest;
let tarBundle: string;
let dirBundle: string;
let bundledTar: CliResult;
let bundledDir: CliResult;

beforeAll(async () => {
  const repo = release.original();
  manifest = await repo.readJson<Manifest>('releases/0.1.0.json');
  tarBundle = join(work, 'b.tar');
  dirBundle = join(work, 'b');
  const sumsText = await repo.read(SUMS);
  const [key, tar, dir] = await Promise.all([
    unlocking,
    runCli(['bundle', '0.1.0', '--out', tarBundle], { cwd: repo.root }),
    runCli(['bundle', '0.1.0', '--out', dirBundle], { cwd: repo.root }),
  ]);
  foreignSignature = signBytes(Buffer.from(`${sumsText}# another cut\n`), '0.1.0.sha256sums', key);
  bundledTar = tar;
  bundledDir = dir;
}, SLOW);

/** A private copy of the directory bundle, for a test to damage. */
async function copyOfDir(name: string): Promise<string> {
  const copy = join(work, name);
  await cp(dirBundle, copy, { recursive: true });
  return copy;
}

function installer(): Installer {
  const first = manifest.installers[0];
  if (!first) throw new Error('the release pinned no installer');
  return first;
}

/** `metal-installer/<schematic id>:v1.12.4`: the image without the factory's host. */
const layoutRefName = (image: string): string => image.replace(/^[^/]+\//, '');

const verifyBundle = (bundle: string, ...extra: string[]): Promise<CliResult> =>
  runCli(['verify', '--bundle', bundle, ...extra], { cwd: work });

describe.skipIf(!HAS_MINISIGN || !HAS_SKOPEO || !HAS_DOCKER_REGISTRY)(
  'a bundle of a signed release (needs minisign, skopeo and docker-registry in /usr/bin)',
  () => {
    it('bundles to a tar and to a directory; minisign -V and sha256sum -c accept both inside', async () => {
      expect(bundledTar.code, bundledTar.stderr).toBe(0);
      expect(bundledDir.code, bundledDir.stderr).toBe(0);
      expect(bundledTar.stdout).toContain(`bundled: ${tarBundle}`);
      expect(existsSync(`${tarBundle}.partial`)).toBe(false);
      expect(existsSync(`${dirBundle}.partial`)).toBe(false);

      // The tar is read by GNU tar, and both copies hold the same files.
      const unpacked = join(work, 'by-gnu-tar');
      await mkdir(unpacked);
      const untar = tool('tar', ['-xf', tarBundle, '-C', unpacked]);
      expect(untar.code, untar.stderr).toBe(0);
      for (const root of [dirBundle, unpacked]) {
        const signed = tool('minisign', ['-V', '-p', pubFile(), '-m', SUMS], root);
        expect(signed.code, signed.stderr).toBe(0);
        expect(signed.stdout.toString()).toContain('file:0.1.0.sha256sums');
        const sums = tool('sha256sum', ['-c', SUMS], root);
        expect(sums.code, sums.stdout.toString() + sums.stderr).toBe(0);
        expect(sums.stdout.toString()).toContain(`${manifest.os.iso.localPath}: OK`);
      }
    });

    it('verify --bundle --pubkey passes for the tar and the directory, every check ok', async () => {
      for (const bundle of [tarBundle, dirBundle]) {
        const result = await verifyBundle(bundle, '--pubkey', pubFile());
        expect(result.code, result.stdout + result.stderr).toBe(0);
        expect(result.stdout).toMatch(/^ok +the bundle holds one release manifest$/m);
        expect(result.stdout).toMatch(
          /^ok +releases\/0\.1\.0\.sha256sums is signed by the given key$/m,
        );
        expect(result.stdout).toMatch(/^ok +every file matches the sums file$/m);
        expect(result.stdout).toMatch(/^ok +every installer blob matches its digest$/m);
        expect(result.stdout).toMatch(
          /^ok +every installer carries the factory's cosign signature$/m,
        );
        expect(result.stdout).not.toMatch(/^(FAIL|skip)/m);
      }
    });

    it('skopeo reads the OCI layout: inspect --raw prints the exact installer index', () => {
      const { image, digest } = installer();
      const raw = tool('skopeo', [
        'inspect',
        '--raw',
        `oci:${join(dirBundle, 'images')}:${layoutRefName(image)}`,
      ]);
      expect(raw.code, raw.stderr).toBe(0);
      expect(sha256Of(raw.stdout)).toBe(digest);
      expect(layoutRefName(image)).toMatch(
        new RegExp(`^metal-installer/[0-9a-f]{64}:${TALOS_VERSION}$`),
      );
    });

    it('images.txt lists every installer with its digest; README.txt names the commands', async () => {
      const images = (await readFile(join(dirBundle, 'images.txt'), 'utf8')).trim().split('\n');
      const { image, digest } = installer();
      expect(images).toContain(`${image}@${digest}`);
      // The factory's cosign signature travels too, by digest.
      expect(
        images.some((line) => /:sha256-[0-9a-f]{64}\.sig@sha256:[0-9a-f]{64}$/.test(line)),
      ).toBe(true);
      const readme = await readFile(join(dirBundle, 'README.txt'), 'utf8');
      expect(readme).toContain('talos-release verify --bundle');
      expect(readme).toContain('--pubkey');
      expect(readme).toContain('talos-release publish --from');
      expect(readme).toContain(`sha256sum -c ${SUMS}`);
    });

    it('--out that exists is exit 2 and left alone; --force replaces it', async () => {
      const out = join(work, 'exists.tar');
      await writeFile(out, 'mine');
      const refused = await runCli(['bundle', '0.1.0', '--out', out], {
        cwd: release.original().root,
      });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`${out} already exists`);
      expect(refused.stderr).toContain('--force');
      expect(await readFile(out, 'utf8')).toBe('mine');
      const forced = await runCli(['bundle', '0.1.0', '--out', out, '--force'], {
        cwd: release.original().root,
      });
      expect(forced.code, forced.stderr).toBe(0);
      expect((await verifyBundle(out, '--pubkey', pubFile())).code).toBe(0);
    });

    describe('publish --from into the site registry', () => {
      let site: DockerRegistry;
      beforeAll(async () => {
        site = await startDockerRegistry();
      });
      afterAll(() => site.close());

      it('pushes the installers with the same digests, the release and its channel tag', async () => {
        const to = `${site.host}/site`;
        const result = await runCli(
          [
            'publish',
            '--from',
            tarBundle,
            '--to',
            to,
            '--insecure-registry',
            '--pubkey',
            pubFile(),
          ],
          { cwd: work },
        );
        expect(result.code, result.stdout + result.stderr).toBe(0);
        const { digest } = installer();
        const raw = inspectRaw(site, `${to}/metal-installer:${TALOS_VERSION}`);
        expect(raw.code, raw.stderr).toBe(0);
        expect(sha256Of(raw.stdout)).toBe(digest);

        // The release artifact holds the ISO, and the channel tag names the same artifact.
        const versionTag = inspectRaw(site, `${to}/release:0.1.0`);
        const channelTag = inspectRaw(site, `${to}/release:${manifest.channel}`);
        expect(versionTag.code, versionTag.stderr).toBe(0);
        expect(channelTag.code, channelTag.stderr).toBe(0);
        expect(sha256Of(channelTag.stdout)).toBe(sha256Of(versionTag.stdout));
        const layers = (
          JSON.parse(versionTag.stdout.toString()) as { layers: { digest: string }[] }
        ).layers.map((layer) => layer.digest);
        expect(layers).toContain(`sha256:${manifest.os.iso.sha256}`);

        // The tar was unpacked beside itself for the push, and that copy is gone.
        expect(existsSync(`${tarBundle}.unpacked`)).toBe(false);
      });
    });

    describe('a damaged bundle: a clear error, exit 2 or 5, nothing pushed', () => {
      let site: DockerRegistry;
      beforeAll(async () => {
        site = await startDockerRegistry();
      });
      afterAll(() => site.close());
      afterEach(async () => {
        expect(await catalog(site)).toEqual([]);
      });

      const publishFrom = (bundle: string, ...extra: string[]): Promise<CliResult> =>
        runCli(
          [
            'publish',
            '--from',
            bundle,
            '--to',
            `${site.host}/site`,
            '--insecure-registry',
            ...extra,
          ],
          { cwd: work },
        );

      it('a directory with a missing blob: verify names the blob, exit 5', async () => {
        const bundle = await copyOfDir('missing-blob');
        const { digest } = installer();
        // One of the installer's layers: whatever the index reaches, not the index itself.
        const index = JSON.parse(
          await readFile(join(bundle, 'images/blobs/sha256', digest.slice(7)), 'utf8'),
        ) as { manifests: { digest: string }[] };
        const child = index.manifests[0]?.digest ?? '';
        const childManifest = JSON.parse(
          await readFile(join(bundle, 'images/blobs/sha256', child.slice(7)), 'utf8'),
        ) as { layers: { digest: string }[] };
        const layer = childManifest.layers[0]?.digest ?? '';
        await rm(join(bundle, 'images/blobs/sha256', layer.slice(7)));

        const verified = await verifyBundle(bundle, '--pubkey', pubFile());
        expect(verified.code).toBe(5);
        expect(verified.stdout).toContain(`blob ${layer}: missing`);
        const published = await publishFrom(bundle, '--pubkey', pubFile());
        expect(published.code).toBe(5);
        expect(published.stderr).toContain('Nothing was pushed');
      });

      it('one byte changed in an artifact: verify names the file, exit 5, in a directory and a tar', async () => {
        const { localPath } = manifest.os.iso;
        const bundle = await copyOfDir('changed-byte');
        const bytes = await readFile(join(bundle, localPath));
        bytes[100] = (bytes[100]! + 1) % 256;
        await writeFile(join(bundle, localPath), bytes);
        const verified = await verifyBundle(bundle, '--pubkey', pubFile());
        expect(verified.code).toBe(5);
        expect(verified.stdout).toMatch(
          new RegExp(`^ +${localPath.replace(/\./g, '\\.')}: SHA-256`, 'm'),
        );
        // The signature still holds: it is the image that changed.
        expect(verified.stdout).toMatch(/^ok +releases\/0\.1\.0\.sha256sums is signed/m);

        // In the tar the ISO is the last entry: a byte inside its data, before the two zero blocks.
        const tar = await readFile(tarBundle);
        const at = tar.length - 1024 - 100;
        tar[at] = (tar[at]! + 1) % 256;
        const changedTar = join(work, 'changed-byte.tar');
        await writeFile(changedTar, tar);
        const verifiedTar = await verifyBundle(changedTar, '--pubkey', pubFile());
        expect(verifiedTar.code).toBe(5);
        expect(verifiedTar.stdout).toContain(`${localPath}: SHA-256`);
        expect((await publishFrom(changedTar)).code).toBe(5);
      });

      it('a truncated tar: exit 5 "not a complete tar", and no unpacked copy is left', async () => {
        const cut = join(work, 'cut.tar');
        const tar = await readFile(tarBundle);
        await writeFile(cut, tar.subarray(0, Math.floor(tar.length / 2)));
        const verified = await verifyBundle(cut, '--pubkey', pubFile());
        expect(verified.code).toBe(5);
        expect(verified.stderr).toContain(`${cut} is not a complete tar`);
        const published = await publishFrom(cut, '--pubkey', pubFile());
        expect(published.code).toBe(5);
        expect(published.stderr).toContain('not a complete tar');
        expect(existsSync(`${cut}.unpacked`)).toBe(false);

        // Cut exactly before the ISO's header: every entry left is whole, the archive's end is not.
        const atBoundary = join(work, 'cut-between-entries.tar');
        await writeFile(atBoundary, tar.subarray(0, tar.length - 1024 - 64 * 1024 - 512));
        const between = await verifyBundle(atBoundary, '--pubkey', pubFile());
        expect(between.code).toBe(5);
        expect(between.stderr).toContain(`${atBoundary} is not a complete tar`);
        expect((await publishFrom(atBoundary)).code).toBe(5);
      });

      it('another key: exit 5, for verify and for publish --from', async () => {
        const verified = await verifyBundle(tarBundle, '--pubkey', otherPubFile());
        expect(verified.code).toBe(5);
        expect(verified.stdout).toMatch(
          /^FAIL releases\/0\.1\.0\.sha256sums is signed by the given key$/m,
        );
        expect(verified.stdout).toMatch(/not with the given key/);
        const published = await publishFrom(tarBundle, '--pubkey', otherPubFile());
        expect(published.code).toBe(5);
        expect(published.stderr).toContain('is signed by the given key');
      });

      it('a signature of other bytes by the right key: exit 5', async () => {
        const bundle = await copyOfDir('foreign-signature');
        await writeFile(join(bundle, SIGNATURE), foreignSignature);
        // The real minisign agrees that this signature is not of these sums.
        expect(tool('minisign', ['-V', '-p', pubFile(), '-m', SUMS], bundle).code).not.toBe(0);
        const verified = await verifyBundle(bundle, '--pubkey', pubFile());
        expect(verified.code).toBe(5);
        expect(verified.stdout).toMatch(
          /^FAIL releases\/0\.1\.0\.sha256sums is signed by the given key$/m,
        );
        expect((await publishFrom(bundle, '--pubkey', pubFile())).code).toBe(5);
      });

      it('a tar entry named ../evil: exit 2, and nothing is written outside', async () => {
        const dir = join(work, 'climb', 'inner');
        await mkdir(dir, { recursive: true });
        const evil = join(dir, 'evil.tar');
        await writeTarByHand(evil, [
          { name: 'README.txt', bytes: Buffer.from('looks harmless\n') },
          { name: '../evil', bytes: Buffer.from('escaped\n') },
        ]);
        const verified = await verifyBundle(evil);
        expect(verified.code).toBe(2);
        expect(verified.stderr).toContain('holds an entry named "../evil", which climbs out');
        const published = await publishFrom(evil);
        expect(published.code).toBe(2);
        expect(published.stderr).toContain('climbs out of the bundle');
        // publish unpacks beside the tar: `../evil` from there would land in the tar's directory.
        expect(existsSync(join(dir, 'evil'))).toBe(false);
        expect(existsSync(join(dirname(dir), 'evil'))).toBe(false);
        expect(existsSync(`${evil}.unpacked`)).toBe(false);
      });
    });
  },
);
