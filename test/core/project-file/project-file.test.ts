import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseReleaseFlags } from '../../../src/commands/release-flags.js';
import { UserInputError } from '../../../src/core/errors.js';
import {
  parseProjectFile,
  projectJsonSchemaText,
  readProjectFile,
  saveTargets,
} from '../../../src/core/project-file/index.js';

const roots: string[] = [];
async function root(text?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'talos-project-'));
  roots.push(dir);
  if (text !== undefined) await writeFile(join(dir, 'talos-release.yaml'), text);
  return dir;
}
afterEach(async () => {
  await Promise.all(roots.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('talos-release.schema.json', () => {
  it('matches the zod schema (run `npm run schema` when this fails)', async () => {
    const checkedIn = await readFile(
      new URL('../../../talos-release.schema.json', import.meta.url),
      'utf8',
    );
    expect(checkedIn, 'talos-release.schema.json is stale: run `npm run schema`').toBe(
      projectJsonSchemaText(),
    );
  });
});

describe('the project file', () => {
  it('is optional', async () => {
    expect(readProjectFile(await root())).toBeUndefined();
  });

  it('names the line and the field of a mistake', () => {
    const text = 'schematic: schematics/a.yaml\ntargets:\n  - metal-amd64.iso\n  - 42\n';
    let error: unknown;
    try {
      parseProjectFile(text, 'talos-release.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as Error).message).toMatch(/^talos-release\.yaml:4: targets\.1: /);
  });

  it('refuses an unknown field with its line', () => {
    expect(() => parseProjectFile('channel: stable\ntargetz: []\n', 'p.yaml')).toThrow(
      /^p\.yaml:1:/,
    );
  });

  it('sets what no flag sets, and a flag wins over it', async () => {
    const dir = await root(
      'channel: beta\nconcurrency: 2\ntargets:\n  - metal-amd64.iso\n  - name: metal-arm64.iso\n    schematic: schematics/arm.yaml\ninstallers: [metal]\n',
    );
    const fromFile = parseReleaseFlags(['--yes'], dir, {}).request;
    expect(fromFile.channel).toBe('beta');
    expect(fromFile.concurrency).toBe(2);
    expect(fromFile.targets).toEqual([
      { name: 'metal-amd64.iso' },
      { name: 'metal-arm64.iso', schematic: 'schematics/arm.yaml' },
    ]);
    expect(fromFile.installers).toEqual(['metal']);
    const flags = ['--channel', 'stable', '--target', 'nocloud-amd64.iso', '--concurrency', '4'];
    const overridden = parseReleaseFlags(flags, dir, {}).request;
    expect(overridden.channel).toBe('stable');
    expect(overridden.targets).toEqual([{ name: 'nocloud-amd64.iso' }]);
    expect(overridden.concurrency).toBe(4);
  });

  it('saves the chosen targets and keeps every comment and other field', async () => {
    const dir = await root(
      '# our appliance\nchannel: beta # the default\ntargets:\n  - metal-amd64.iso\n',
    );
    await saveTargets(dir, ['nocloud-amd64.iso', { name: 'metal-arm64.iso', schematic: 's.yaml' }]);
    const text = await readFile(join(dir, 'talos-release.yaml'), 'utf8');
    expect(text).toContain('# our appliance');
    expect(text).toContain('channel: beta # the default');
    expect(readProjectFile(dir)?.targets).toEqual([
      'nocloud-amd64.iso',
      { name: 'metal-arm64.iso', schematic: 's.yaml' },
    ]);
  });

  it('creates the file when there is none', async () => {
    const dir = await root();
    await saveTargets(dir, ['metal-amd64.iso']);
    expect(readProjectFile(dir)?.targets).toEqual(['metal-amd64.iso']);
  });
});
