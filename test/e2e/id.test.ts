// `talos-release id` as a user runs it: the built CLI, real files, exit codes and both streams.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMATIC_VECTORS } from '../fixtures/schematic-ids/vectors.js';

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(repoRoot, 'dist/cli.js');
const VANILLA_ID = '376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba';

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function id(args: readonly string[], cwd: string): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, 'id', ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let workDir: string;
async function schematicFile(name: string, text: string): Promise<string> {
  const file = path.join(workDir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'talos-release-id-'));
});

describe('talos-release id', () => {
  it('prints the canonical YAML, a blank line and the vanilla ID', async () => {
    await schematicFile('vanilla.yaml', 'customization: {}\n');
    const result = await id(['vanilla.yaml'], workDir);
    expect(result).toEqual({
      code: 0,
      stdout: `customization: {}\n\nid: ${VANILLA_ID}\n`,
      stderr: '',
    });
  });

  it('reads schematics/metal-amd64.yaml under --root by default', async () => {
    const root = path.join(workDir, 'project');
    await mkdir(path.join(root, 'schematics'), { recursive: true });
    await writeFile(
      path.join(root, 'schematics/metal-amd64.yaml'),
      'customization:\n  extraKernelArgs: [noapic, nolapic]\n',
    );
    const result = await id(['--root', root], workDir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'id: 9cba8e32753f91a16c1837ab8abf356af021706ef284aef07380780177d9a06c\n',
    );
  });

  it('--as-is reproduces every published vector', async () => {
    for (const [index, vector] of SCHEMATIC_VECTORS.entries()) {
      const file = await schematicFile(`vectors/${index}.yaml`, vector.yaml);
      const result = await id([file, '--as-is', '--json'], workDir);
      expect(result.code, result.stderr).toBe(0);
      const output = JSON.parse(result.stdout) as { id: string; canonical: string };
      expect({ index, id: output.id, canonical: output.canonical }).toEqual({
        index,
        id: vector.id,
        canonical: vector.canonical,
      });
    }
    // One CLI process per vector: on a loaded two-core machine that outgrows the default.
  }, 120_000);

  it('sorts an unsorted extension list, says so on stderr, and --as-is keeps the order', async () => {
    const file = await schematicFile(
      'unsorted.yaml',
      'customization:\n  systemExtensions:\n    officialExtensions:\n      - siderolabs/gvisor\n      - siderolabs/amd-ucode\n',
    );
    const normal = await id([file], workDir);
    const asIs = await id([file, '--as-is'], workDir);
    expect(normal.stdout).toContain(
      'id: ed510afbbd542b252bf618c09ac0d3f4ad8711c6ce752ebafa91c0779836a5c0',
    );
    expect(normal.stderr).toContain('note: extensions sorted for a stable schematic ID');
    expect(asIs.stdout).toContain(
      'id: a993cf18ef6a65e3fc6d2f651c0363981b6b2e823829ad95a2557cfc97ca6595',
    );
    expect(asIs.stderr).toBe('');
  });

  it('--json gives the normal-form ID, the changes and the as-is ID', async () => {
    const file = await schematicFile(
      'json.yaml',
      'customization:\n  systemExtensions:\n    officialExtensions: [siderolabs/b, siderolabs/a, siderolabs/b]\n',
    );
    const result = await id([file, '--json'], workDir);
    const output = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(output)).toEqual(['id', 'canonical', 'changes', 'asIs']);
    expect(output['changes']).toEqual([
      'extensions sorted for a stable schematic ID (the factory does not sort)',
      'duplicate extension siderolabs/b removed',
    ]);
    expect(output['canonical']).toBe(
      'customization:\n    systemExtensions:\n        officialExtensions:\n            - siderolabs/a\n            - siderolabs/b\n',
    );
    const asIs = output['asIs'] as { id: string; canonical: string };
    expect(asIs.canonical).toContain(
      '- siderolabs/b\n            - siderolabs/a\n            - siderolabs/b\n',
    );
    expect(asIs.id).not.toBe(output['id']);
  });

  it('warns on stderr when the ID depends on the factory release', async () => {
    const file = await schematicFile('on.yaml', 'customization:\n  extraKernelArgs: ["on"]\n');
    const result = await id([file], workDir);
    expect(result.stdout).toContain(
      'id: b5250f0ac277bb38585e97a7a542f7a9609bf3497159e9acbd5f8f98c62b96d0',
    );
    expect(result.stderr).toContain('"on"');
    expect(result.stderr).toContain('v1.4');
  });

  it('warns about a secret-looking kernel argument without printing it', async () => {
    const file = await schematicFile(
      'secret.yaml',
      'customization:\n  extraKernelArgs:\n    - siderolink.api=https://omni.example.com/?jointoken=v3ryS3cret\n',
    );
    const result = await id([file], workDir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: customization.extraKernelArgs[0]');
    expect(result.stderr).not.toContain('v3ryS3cret');
  });

  it('exits 2 with file:line:col and a hint for a bad schematic', async () => {
    await schematicFile(
      'bad/schematic.yaml',
      'customization:\n  meta:\n    - key: 10\n      value: {}\n',
    );
    const result = await id(['bad/schematic.yaml'], workDir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `error: ${path.join('bad', 'schematic.yaml')}:4:14: customization.meta[0].value`,
    );
    expect(result.stderr).toContain('hint: ');
  });

  it('exits 2 naming a missing file', async () => {
    const result = await id(['nowhere.yaml'], workDir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('schematic file not found: nowhere.yaml');
  });

  it('exits 2 naming an unknown flag', async () => {
    const result = await id(['--sorted'], workDir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown flag --sorted');
  });
});
