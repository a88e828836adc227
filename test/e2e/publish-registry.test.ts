// `talos-release publish` into a real registry (Debian's CNCF distribution), read back by a real
// client (skopeo): the installer at the recorded digest, the ISO with the recorded SHA-256, the
// channel tag at the release, and the record in releases/<v>.publish.json.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, startCli } from './helpers/cli.js';
import {
  failManifestPuts,
  faultProxy,
  HAS_DOCKER_REGISTRY,
  skopeoArgs,
  startDockerRegistry,
} from './helpers/docker-registry.js';
import type { DockerRegistry } from './helpers/docker-registry.js';
import { releaseArgs, TALOS_VERSION } from './helpers/release.js';
import type { TempRepo } from './helpers/repo.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

const HAS_SKOPEO = spawnSync('skopeo', ['--version']).status === 0;
const PREFIX = 'team/appliance';

/** skopeo copy names its flags for the source side: --src-tls-verify, --src-creds, ... */
const sourceArgs = (args: string[]): string[] => args.map((arg) => arg.replace(/^--/, '--src-'));

interface Recorded {
  releaseVersion: string;
  os: { iso: { sha256: string; localPath: string } };
  installers: { image: string; digest: string }[];
}

describe.skipIf(!HAS_DOCKER_REGISTRY || !HAS_SKOPEO)(
  'publish to a real registry (needs docker-registry and skopeo from Debian; .ci/run installs them)',
  () => {
    const e2e = useStandinAndRepos({ imageSize: 3 * 1024 * 1024 });
    const registries: DockerRegistry[] = [];
    const temps: string[] = [];
    const proxies: { close(): Promise<void> }[] = [];
    afterEach(async () => {
      await Promise.all(proxies.splice(0).map((p) => p.close()));
      await Promise.all(registries.splice(0).map((r) => r.close()));
      await Promise.all(temps.splice(0).map((t) => rm(t, { recursive: true, force: true })));
    });

    async function released(): Promise<{ repo: TempRepo; manifest: Recorded }> {
      const repo = await e2e.makeRepo();
      const result = await runCli(releaseArgs(e2e.standin), { cwd: repo.root });
      expect(result.code, result.stderr).toBe(0);
      return { repo, manifest: await repo.readJson<Recorded>('releases/0.1.0.json') };
    }

    async function registry(options: Parameters<typeof startDockerRegistry>[0] = {}) {
      const started = await startDockerRegistry(options);
      registries.push(started);
      return started;
    }

    async function dockerConfig(host: string, user: string, password: string): Promise<string> {
      const dir = await mkdtemp(join(tmpdir(), 'docker-config-'));
      temps.push(dir);
      const auth = Buffer.from(`${user}:${password}`).toString('base64');
      await writeFile(join(dir, 'config.json'), JSON.stringify({ auths: { [host]: { auth } } }));
      return dir;
    }

    function skopeo(args: string[]): { code: number | null; stdout: Buffer; stderr: string } {
      const run = spawnSync('skopeo', args);
      return { code: run.status, stdout: run.stdout, stderr: run.stderr.toString() };
    }

    it('publishes the release and its installer; skopeo reads back the recorded digests', async () => {
      const { repo, manifest } = await released();
      const reg = await registry();
      const to = `${reg.host}/${PREFIX}`;
      const first = await runCli(['publish', '0.1.0', '--to', to, '--insecure-registry'], {
        cwd: repo.root,
      });
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain('signature verified');

      const installer = manifest.installers[0];
      if (!installer) throw new Error('the release pinned no installer');
      const raw = skopeo([
        'inspect',
        '--raw',
        ...skopeoArgs(reg),
        `docker://${to}/metal-installer:${TALOS_VERSION}`,
      ]);
      expect(raw.code, raw.stderr).toBe(0);
      expect(`sha256:${createHash('sha256').update(raw.stdout).digest('hex')}`).toBe(
        installer.digest,
      );

      const out = await mkdtemp(join(tmpdir(), 'skopeo-dir-'));
      temps.push(out);
      const copy = skopeo([
        'copy',
        ...sourceArgs(skopeoArgs(reg)),
        `docker://${to}/release:stable`,
        `dir:${out}`,
      ]);
      expect(copy.code, copy.stderr).toBe(0);
      const blobs = await Promise.all(
        (await readdir(out))
          .filter((n) => /^[0-9a-f]{64}$/.test(n))
          .map(async (n) => readFile(join(out, n))),
      );
      const hashes = blobs.map((b) => createHash('sha256').update(b).digest('hex'));
      expect(hashes).toContain(manifest.os.iso.sha256);

      const record = await repo.readJson<{
        publications: {
          release: { digest: string; reference: string; channelReference: string };
          installers: { digest: string; signature: unknown }[];
        }[];
      }>('releases/0.1.0.publish.json');
      const publication = record.publications[0];
      expect(publication?.installers[0]?.digest).toBe(installer.digest);
      expect(publication?.installers[0]?.signature).not.toBeNull();
      expect(publication?.release.channelReference).toBe(`${to}/release:stable`);
      const channelRaw = skopeo([
        'inspect',
        '--raw',
        ...skopeoArgs(reg),
        `docker://${to}/release:stable`,
      ]);
      expect(`sha256:${createHash('sha256').update(channelRaw.stdout).digest('hex')}`).toBe(
        publication?.release.digest,
      );

      // Again: everything is already there, nothing is uploaded.
      const second = await runCli(['publish', '0.1.0', '--to', to, '--insecure-registry'], {
        cwd: repo.root,
      });
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).not.toMatch(/^\s+uploaded /m);
      expect(second.stdout).toMatch(/^\s+present /m);

      // verify --online checks the published references still resolve to the recorded digests.
      const online = await runCli(['verify', 'releases/0.1.0.json', '--online'], {
        cwd: repo.root,
      });
      expect(online.stdout).toContain('published');
    });

    it('uses the Docker config credentials with htpasswd auth, and a wrong password is exit 3 without printing it', async () => {
      const { repo } = await released();
      const reg = await registry({ auth: { username: 'ops', password: 'right-horse-battery' } });
      const to = `${reg.host}/${PREFIX}`;
      const good = await dockerConfig(reg.host, 'ops', 'right-horse-battery');
      const ok = await runCli(['publish', '0.1.0', '--to', to, '--insecure-registry'], {
        cwd: repo.root,
        env: { DOCKER_CONFIG: good },
      });
      expect(ok.code, ok.stderr).toBe(0);
      const inspect = skopeo([
        'inspect',
        '--raw',
        ...skopeoArgs(reg, { username: 'ops', password: 'right-horse-battery' }),
        `docker://${to}/release:0.1.0`,
      ]);
      expect(inspect.code, inspect.stderr).toBe(0);

      const bad = await dockerConfig(reg.host, 'ops', 'wrong-staple-1234');
      const refused = await runCli(
        ['publish', '0.1.0', '--to', to, '--insecure-registry', '--force'],
        {
          cwd: repo.root,
          env: { DOCKER_CONFIG: bad },
        },
      );
      expect(refused.code).toBe(3);
      expect(refused.stderr).toContain(join(bad, 'config.json'));
      expect(refused.stdout + refused.stderr).not.toContain('wrong-staple-1234');
    });

    it('publishes over TLS with --registry-ca, and says what to do without it', async () => {
      const { repo } = await released();
      const reg = await registry({ tls: true });
      const to = `${reg.host}/${PREFIX}`;
      const without = await runCli(['publish', '0.1.0', '--to', to], { cwd: repo.root });
      expect(without.code).not.toBe(0);
      expect(without.stderr).toContain('--registry-ca');
      const withCa = await runCli(
        ['publish', '0.1.0', '--to', to, '--registry-ca', reg.caPath ?? ''],
        {
          cwd: repo.root,
        },
      );
      expect(withCa.code, withCa.stderr).toBe(0);
    });

    it('stops with exit 5 and copies nothing when the factory signature does not verify', async () => {
      const bad = await e2e.startStandin({ imageSize: 1024 * 1024, signatures: 'bad' });
      const repo = await e2e.makeRepo();
      expect((await runCli(releaseArgs(bad), { cwd: repo.root })).code).toBe(0);
      const reg = await registry();
      const to = `${reg.host}/${PREFIX}`;
      const result = await runCli(['publish', '0.1.0', '--to', to, '--insecure-registry'], {
        cwd: repo.root,
      });
      expect(result.code).toBe(5);
      expect(result.stderr).toMatch(/signature/);
      const tags = skopeo(['list-tags', ...skopeoArgs(reg), `docker://${to}/release`]);
      expect(tags.stdout.toString()).not.toContain('0.1.0');
    });

    it('warns for an unsigned installer, and --require-signature refuses it', async () => {
      const unsigned = await e2e.startStandin({ imageSize: 1024 * 1024, signatures: 'none' });
      const repo = await e2e.makeRepo();
      expect((await runCli(releaseArgs(unsigned), { cwd: repo.root })).code).toBe(0);
      const reg = await registry();
      const to = `${reg.host}/${PREFIX}`;
      const strict = await runCli(
        ['publish', '0.1.0', '--to', to, '--insecure-registry', '--require-signature'],
        { cwd: repo.root },
      );
      expect(strict.code).toBe(5);
      const lenient = await runCli(['publish', '0.1.0', '--to', to, '--insecure-registry'], {
        cwd: repo.root,
      });
      expect(lenient.code, lenient.stderr).toBe(0);
      expect(lenient.stderr).toContain('no cosign signature');
    });

    it('moves no tag when the registry answers 500 for a manifest PUT (exit 4)', async () => {
      const { repo } = await released();
      const reg = await registry();
      const proxy = await faultProxy(reg, failManifestPuts());
      proxies.push(proxy);
      const result = await runCli(
        ['publish', '0.1.0', '--to', `${proxy.host}/${PREFIX}`, '--insecure-registry'],
        {
          cwd: repo.root,
        },
      );
      expect(result.code).toBe(4);
      const to = `${reg.host}/${PREFIX}`;
      const tags = skopeo(['list-tags', ...skopeoArgs(reg), `docker://${to}/release`]);
      expect(tags.stdout.toString()).not.toMatch(/0\.1\.0|stable/);
    });

    it('refuses to move a version tag that holds other content, unless --force', async () => {
      const { repo } = await released();
      const other = await released();
      const reg = await registry();
      const to = `${reg.host}/${PREFIX}`;
      expect(
        (
          await runCli(['publish', '0.1.0', '--to', to, '--insecure-registry'], {
            cwd: other.repo.root,
          })
        ).code,
      ).toBe(0);
      const clash = await runCli(['publish', '0.1.0', '--to', to, '--insecure-registry'], {
        cwd: repo.root,
      });
      // Two cuts of 0.1.0 differ (their timestamps), so the second is someone else's release.
      expect(clash.code).toBe(2);
      expect(clash.stderr).toContain('--force');
      expect(
        (
          await runCli(['publish', '0.1.0', '--to', to, '--insecure-registry', '--force'], {
            cwd: repo.root,
          })
        ).code,
      ).toBe(0);
    });

    /** A release with a 96 MiB ISO, a registry, and a publish stopped at a quarter of the ISO. */
    async function publishUnderway() {
      const big = await e2e.startStandin({ imageSize: 96 * 1024 * 1024 });
      const repo = await e2e.makeRepo();
      expect((await runCli(releaseArgs(big), { cwd: repo.root })).code).toBe(0);
      const reg = await registry();
      const to = `${reg.host}/${PREFIX}`;
      const running = startCli(
        ['publish', '0.1.0', '--to', to, '--insecure-registry', '--concurrency', '1'],
        { cwd: repo.root },
      );
      await running.waitForOutput(/uploading .*\.iso 25%/, 60_000);
      return { repo, reg, to, running };
    }

    it('Ctrl-C mid-upload ends with 130, and publishing again completes', async () => {
      const { repo, to, running } = await publishUnderway();
      running.child.kill('SIGINT');
      const stopped = await running.done;
      expect(stopped.code).toBe(130);
      const again = await runCli(['publish', '0.1.0', '--to', to, '--insecure-registry'], {
        cwd: repo.root,
      });
      expect(again.code, again.stderr).toBe(0);
    });

    it('completes when the registry is stopped mid-upload and started again', async () => {
      const { reg, running } = await publishUnderway();
      await reg.stop();
      await reg.start();
      const done = await running.done;
      expect(done.code, done.stderr).toBe(0);
    });
  },
);
