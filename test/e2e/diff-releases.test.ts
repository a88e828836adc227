// `diff` on three releases cut against the stand-in, each with another Talos version, extension
// set and kernel arguments: the text, the JSON and the markdown release notes, line by line.
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import type { CliResult } from './helpers/cli.js';
import { SCHEMATIC_PATH, makeRepo } from './helpers/repo.js';
import type { TempRepo } from './helpers/repo.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';

interface Manifest {
  releaseVersion: string;
  talos: {
    version: string;
    schematicId: string;
    extensions: { name: string; ref: string; digest: string }[];
  };
  kubernetes: { version: string };
  os: {
    iso: { url: string; localPath: string; sha256: string; size: number };
    installer: { image: string; digest: string };
  };
  app: { version: string };
  artifacts?: unknown[];
  installers?: unknown[];
}

const e2e = useStandinAndRepos({ imageSize: 4096 });
let repo: TempRepo;
const manifests: Manifest[] = [];

async function cut(talosVersion: string, appVersion: string, ...extra: string[]): Promise<void> {
  const args = ['--yes', '--factory-url', e2e.standin.url, '--talos-version', talosVersion];
  const result = await runCli([...args, '--app-version', appVersion, ...extra], { cwd: repo.root });
  if (result.code !== 0) throw new Error(`release ${talosVersion} failed:\n${result.stderr}`);
}

async function editSchematic(edit: (text: string) => string): Promise<void> {
  await writeFile(repo.path(SCHEMATIC_PATH), edit(await repo.read(SCHEMATIC_PATH)));
}

beforeAll(async () => {
  repo = await makeRepo();
  await cut('v1.11.2', '2.3.0');
  await editSchematic((text) =>
    text.replace('- net.ifnames=0', '- net.ifnames=0\n    - talos.dashboard.disabled=1'),
  );
  await cut('v1.12.4', '2.4.0', '--extensions', 'siderolabs/gvisor,siderolabs/intel-ucode');
  await editSchematic((text) => text.replace('    - net.ifnames=0\n', ''));
  await cut('v1.13.9', '2.5.0', '--extensions', 'siderolabs/gvisor,siderolabs/intel-ucode');
  for (const version of ['0.1.0', '0.1.1', '0.1.2']) {
    manifests.push(await repo.readJson<Manifest>(`releases/${version}.json`));
  }
}, 120_000);
afterAll(() => repo.remove());

const diff = (...args: string[]): Promise<CliResult> =>
  runCli(['diff', ...args], { cwd: repo.root });
const pinned = (m: Manifest): string => `${m.os.installer.image}@${m.os.installer.digest}`;
const ext = (m: Manifest, name: string) => {
  const found = m.talos.extensions.find((e) => e.name === name);
  if (!found) throw new Error(`${m.releaseVersion} has no ${name}`);
  return { ...found, tag: found.ref.slice(found.ref.lastIndexOf(':') + 1) };
};

describe('talos-release diff', () => {
  it('compares the channel previous and current releases by default, in plain text', async () => {
    const [, from, to] = manifests as [Manifest, Manifest, Manifest];
    const result = await diff();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const gvisor = [ext(from, 'siderolabs/gvisor'), ext(to, 'siderolabs/gvisor')] as const;
    const intel = [ext(from, 'siderolabs/intel-ucode'), ext(to, 'siderolabs/intel-ucode')] as const;
    expect(result.stdout.split('\n')).toEqual([
      'Release 0.1.1 → 0.1.2 (channel stable)',
      '',
      `Talos:          v1.12.4 → v1.13.9`,
      `Kubernetes:     ${from.kubernetes.version} → ${to.kubernetes.version}`,
      'app version:    2.4.0 → 2.5.0',
      'values profile: default (unchanged)',
      '',
      'Extensions:',
      `  ~ siderolabs/gvisor ${gvisor[0].tag} → ${gvisor[1].tag} (${gvisor[0].digest} → ${gvisor[1].digest})`,
      `  ~ siderolabs/intel-ucode ${intel[0].tag} → ${intel[1].tag} (${intel[0].digest} → ${intel[1].digest})`,
      '',
      `Schematic: ${from.talos.schematicId} → ${to.talos.schematicId}`,
      '  kernel argument removed: net.ifnames=0',
      '  --- 0.1.1/schematic.yaml',
      '  +++ 0.1.2/schematic.yaml',
      '  @@ -1,10 +1,9 @@',
      '   customization:',
      '       extraKernelArgs:',
      '           - console=tty0',
      '           - console=ttyS0,115200n8',
      '  -        - net.ifnames=0',
      '           - talos.dashboard.disabled=1',
      '       systemExtensions:',
      '           officialExtensions:',
      '               - siderolabs/gvisor',
      '               - siderolabs/intel-ucode',
      '',
      'Targets and installers:',
      `  installer metal: ${pinned(from)} → ${pinned(to)}`,
      '',
    ]);
  });

  it('gives the same facts as one JSON object', async () => {
    const [from, to] = manifests as [Manifest, Manifest];
    const result = await diff('0.1.0', '0.1.1', '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown> & {
      extensions: {
        added: { name: string }[];
        removed: { name: string }[];
        changed: { name: string }[];
      };
      schematic: { kernelArgs: unknown; fromId: string; toId: string };
    };
    expect(json['from']).toMatchObject({ releaseVersion: '0.1.0' });
    expect(json['to']).toMatchObject({ releaseVersion: '0.1.1' });
    expect(json['talos']).toEqual({ from: 'v1.11.2', to: 'v1.12.4', changed: true });
    expect(json['skippedTalosMinors']).toEqual([]);
    expect(json.extensions.added.map((e) => e.name)).toEqual(['siderolabs/gvisor']);
    expect(json.extensions.removed.map((e) => e.name)).toEqual([
      'siderolabs/amd-ucode',
      'siderolabs/iscsi-tools',
      'siderolabs/qemu-guest-agent',
      'siderolabs/util-linux-tools',
    ]);
    expect(json.extensions.changed.map((e) => e.name)).toEqual(['siderolabs/intel-ucode']);
    expect(json.schematic.kernelArgs).toEqual({
      added: ['talos.dashboard.disabled=1'],
      removed: [],
      reordered: false,
    });
    expect([json.schematic.fromId, json.schematic.toId]).toEqual([
      from.talos.schematicId,
      to.talos.schematicId,
    ]);
    expect(json['upgradeImages']).toEqual([{ key: 'metal', image: pinned(to) }]);
  });

  it('writes release notes in markdown, warning when Talos skips a minor version', async () => {
    const [from, , to] = manifests as [Manifest, Manifest, Manifest];
    const result = await diff('0.1.0', '0.1.2', '--markdown');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    const at = (heading: string): number => lines.indexOf(heading);
    expect(lines.slice(0, at('### Versions'))).toEqual([
      '## Release 0.1.2',
      '',
      'Channel `stable`, after 0.1.0.',
      '',
      '> **Warning:** Talos goes from v1.11.2 to v1.13.9, skipping v1.12. Talos only tests ' +
        'upgrades from one minor version to the next: upgrade nodes to the newest patch of ' +
        'v1.12 first, then to v1.13.9.',
      '',
    ]);
    expect(lines.slice(at('### Versions'), at('### Extensions'))).toEqual([
      '### Versions',
      '',
      '| Component | 0.1.0 | 0.1.2 | |',
      '| --- | --- | --- | --- |',
      '| Talos | `v1.11.2` | `v1.13.9` | changed |',
      `| Kubernetes | \`${from.kubernetes.version}\` | \`${to.kubernetes.version}\` | changed |`,
      '| App | `2.3.0` | `2.5.0` | changed |',
      '| Values profile | `default` | `default` |  |',
      '',
    ]);
    const cell = (e: { tag: string; digest: string }): string => `\`${e.tag}\` (\`${e.digest}\`)`;
    const removed = ['amd-ucode', 'iscsi-tools', 'qemu-guest-agent', 'util-linux-tools'];
    expect(lines.slice(at('### Extensions'), at('### Schematic'))).toEqual([
      '### Extensions',
      '',
      '| Extension | Change | 0.1.0 | 0.1.2 |',
      '| --- | --- | --- | --- |',
      `| \`siderolabs/gvisor\` | added | | ${cell(ext(to, 'siderolabs/gvisor'))} |`,
      ...removed.map(
        (name) =>
          `| \`siderolabs/${name}\` | removed | ${cell(ext(from, `siderolabs/${name}`))} | |`,
      ),
      `| \`siderolabs/intel-ucode\` | updated | ${cell(ext(from, 'siderolabs/intel-ucode'))} | ${cell(ext(to, 'siderolabs/intel-ucode'))} |`,
      '',
    ]);
    const schematic = lines.slice(at('### Schematic'), at('### Artifacts'));
    expect(schematic.slice(0, 7)).toEqual([
      '### Schematic',
      '',
      `Schematic ID \`${from.talos.schematicId}\` → \`${to.talos.schematicId}\`.`,
      '',
      '- Kernel argument added: `talos.dashboard.disabled=1`',
      '- Kernel argument removed: `net.ifnames=0`',
      '',
    ]);
    expect(schematic.slice(7, 10)).toEqual([
      '```diff',
      '--- 0.1.0/schematic.yaml',
      '+++ 0.1.2/schematic.yaml',
    ]);
    expect(schematic.slice(-2)).toEqual(['```', '']);
    expect(lines.slice(at('### Artifacts'))).toEqual([
      '### Artifacts',
      '',
      '| File | SHA-256 | Size |',
      '| --- | --- | --- |',
      `| [metal-amd64.iso](${to.os.iso.url}) | \`${to.os.iso.sha256}\` | 4.0 KiB |`,
      '',
      '### Upgrade',
      '',
      'Upgrade each node, one at a time:',
      '',
      '```sh',
      `talosctl upgrade --nodes <node> --image ${pinned(to)}`,
      '```',
      '',
      'Then Kubernetes, once every node runs the new Talos:',
      '',
      '```sh',
      `talosctl upgrade-k8s --to ${to.kubernetes.version}`,
      '```',
      '',
    ]);
  });

  it('diffs version 2 manifests (artifacts and installers lists) like version 1 ones', async () => {
    const [from, to] = manifests as [Manifest, Manifest];
    await writeFile(repo.path('v2-from.json'), JSON.stringify(asVersion2(from)));
    await writeFile(repo.path('v2-to.json'), JSON.stringify(asVersion2(to)));
    const v1 = await diff('0.1.0', '0.1.1');
    const v2 = await diff('v2-from.json', 'v2-to.json');
    expect(v2.stderr).toBe('');
    expect(v2.stdout).toBe(v1.stdout);

    const withDisk = asVersion2(to);
    withDisk.artifacts?.push({
      ...(withDisk.artifacts[0] as Record<string, unknown>),
      name: 'metal-amd64.raw.zst',
      kind: 'disk',
      url: to.os.iso.url.replace('metal-amd64.iso', 'metal-amd64.raw.zst'),
      localPath: 'artifacts/disk.raw.zst',
    });
    await writeFile(repo.path('v2-disk.json'), JSON.stringify(withDisk));
    const added = await diff('v2-from.json', 'v2-disk.json');
    expect(added.stdout.split('\n')).toContain('  + target metal-amd64.raw.zst');
  });

  it('names the releases the channel lists when asked for another', async () => {
    const result = await diff('9.9.9');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'channel stable has no release 9.9.9 (it lists 0.1.2, 0.1.1, 0.1.0)',
    );
  });

  it('says so when the channel has no releases', async () => {
    const fresh = await e2e.makeRepo();
    const result = await runCli(['diff', '--root', repo.root, '--channel', 'beta'], {
      cwd: fresh.root,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('channel beta has no releases yet');
  });
});

/** The same release, described by a version 2 manifest: its one ISO and installer as lists. */
function asVersion2(
  manifest: Manifest,
): Manifest & { artifacts: unknown[]; installers: unknown[] } {
  const id = manifest.talos.schematicId;
  return {
    ...manifest,
    manifestVersion: 2,
    artifacts: [
      {
        name: 'metal-amd64.iso',
        kind: 'iso',
        platform: 'metal',
        architecture: 'amd64',
        secureboot: false,
        schematicId: id,
        ...manifest.os.iso,
      },
    ],
    installers: [
      {
        platform: 'metal',
        secureboot: false,
        image: manifest.os.installer.image,
        digest: manifest.os.installer.digest,
        architectures: [],
      },
    ],
  } as Manifest & { artifacts: unknown[]; installers: unknown[] };
}
