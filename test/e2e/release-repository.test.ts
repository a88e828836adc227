// What a release does to the repository over time: one run at a time, an existing release is
// never overwritten without --force, and the channel keeps the earlier releases as history.
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from './helpers/cli.js';
import { releaseArgs, TALOS_VERSION } from './helpers/release.js';
import type { TempRepo } from './helpers/repo.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

const { standin, makeRepo } = useStandinAndRepos({ imageSize: 8192 });
let repo: TempRepo;

interface ChannelEntry {
  releaseVersion: string;
  manifest: string;
  talosVersion: string;
  schematicId: string;
  releasedAt: string;
}
interface Channel {
  channel: string;
  current: ChannelEntry;
  history: ChannelEntry[];
}

describe('the repository across releases', () => {
  it('refuses a second concurrent run, naming the run that holds the lock', async () => {
    repo = await makeRepo();
    // Keeps the first run inside its locked section until it is interrupted.
    standin.addFault({
      match: { method: 'GET', path: /\.iso$/ },
      fault: { kind: 'delay', ms: 60_000 },
      times: 1,
    });
    const first = startCli(releaseArgs(standin), { cwd: repo.root });
    await first.waitForOutput('> Downloading');
    const pid = first.child.pid;

    const second = await runCli(releaseArgs(standin), { cwd: repo.root });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('in use');
    expect(second.stderr).toContain(`process ${pid}`);

    first.child.kill('SIGINT');
    expect((await first.done).code).toBe(130);
    // The lock went with the interrupted run: the next one goes through.
    const third = await runCli(releaseArgs(standin), { cwd: repo.root });
    expect(third.stderr).not.toContain('error:');
    expect(third.code).toBe(0);
  });

  it('never overwrites an existing release without --force', async () => {
    repo = await makeRepo();
    const args = releaseArgs(standin, '--release-version', '1.0.0');
    expect((await runCli(args, { cwd: repo.root })).code).toBe(0);
    const before = await repo.snapshot();

    const again = await runCli([...args, '--app-version', '9.9.9'], { cwd: repo.root });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('release 1.0.0 already exists');
    expect(again.stderr).toContain('--force');
    expect(await repo.snapshot()).toEqual(before);

    const forced = await runCli([...args, '--app-version', '9.9.9', '--force'], { cwd: repo.root });
    expect(forced.code).toBe(0);
    const manifest = await repo.readJson<{ app: { version: string } }>('releases/1.0.0.json');
    expect(manifest.app.version).toBe('9.9.9');
    // Released again, not twice: the channel lists 1.0.0 once, as current.
    const channel = await repo.readJson<Channel>('releases/channels/stable.json');
    expect(channel.current.releaseVersion).toBe('1.0.0');
    expect(channel.history.map((entry) => entry.releaseVersion)).not.toContain('1.0.0');
  });

  it('records each release in the channel file and keeps the earlier ones as history', async () => {
    repo = await makeRepo();
    expect((await runCli(releaseArgs(standin), { cwd: repo.root })).code).toBe(0);
    const firstChannel = await repo.readJson<Channel>('releases/channels/stable.json');
    expect(firstChannel.current).toMatchObject({
      releaseVersion: '0.1.0',
      manifest: 'releases/0.1.0.json',
      talosVersion: TALOS_VERSION,
    });
    expect(firstChannel.history).toEqual([]);

    // No --release-version: the next patch after the channel's current release.
    const from = standin.requests.length;
    const next = await runCli(releaseArgs(standin), { cwd: repo.root });
    expect(next.code).toBe(0);
    // Same schematic and version: the ISO on disk is re-hashed and reused, not fetched again.
    expect(next.stderr).toMatch(/reused/i);
    const downloads = standin.requests
      .slice(from)
      .filter((request) => request.method === 'GET' && request.url.endsWith('.iso'));
    expect(downloads).toEqual([]);
    const channel = await repo.readJson<Channel>('releases/channels/stable.json');
    expect(channel.channel).toBe('stable');
    expect(channel.current.releaseVersion).toBe('0.1.1');
    expect(channel.current.manifest).toBe('releases/0.1.1.json');
    expect(channel.history).toEqual([firstChannel.current]);
    const manifest = await repo.readJson<{ talos: { schematicId: string }; generatedAt: string }>(
      'releases/0.1.1.json',
    );
    expect(channel.current.schematicId).toBe(manifest.talos.schematicId);
    expect(channel.current.releasedAt).toBe(manifest.generatedAt);
    expect(await repo.files()).toContain('releases/0.1.0.json');
  });
});
