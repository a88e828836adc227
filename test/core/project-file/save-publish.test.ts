import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readProjectFile, savePublish } from '../../../src/core/project-file/index.js';

const roots: string[] = [];
async function root(text?: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'talos-publish-'));
  roots.push(dir);
  if (text !== undefined) await writeFile(join(dir, 'talos-release.yaml'), text);
  return dir;
}
afterEach(async () => {
  await Promise.all(roots.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const fileOf = (dir: string) => readFile(join(dir, 'talos-release.yaml'), 'utf8');

describe('savePublish', () => {
  it('adds the destination and keeps every comment and other field', async () => {
    const dir = await root('# our appliance\nchannel: beta # the default\n');
    await savePublish(dir, { to: 'registry.example.com/appliance', skip: false });
    const text = await fileOf(dir);
    expect(text).toContain('# our appliance');
    expect(text).toContain('channel: beta # the default');
    expect(readProjectFile(dir)?.publish).toEqual({ to: 'registry.example.com/appliance' });
  });

  it('edits an existing publish block in place, keeping the comments inside it', async () => {
    const dir = await root(
      'publish:\n  # the team mirror\n  to: old.example.com/talos # moved in May\n  skip: true\n',
    );
    await savePublish(dir, { to: 'new.example.com:5000/talos', skip: false });
    const text = await fileOf(dir);
    expect(text).toContain('# the team mirror');
    expect(text).toContain('to: new.example.com:5000/talos');
    expect(text).not.toContain('skip');
    expect(readProjectFile(dir)?.publish).toEqual({ to: 'new.example.com:5000/talos' });
  });

  it('remembers skipping, with or without a destination', async () => {
    const dir = await root('publish:\n  to: registry.example.com/appliance\n');
    await savePublish(dir, { to: 'registry.example.com/appliance', skip: true });
    expect(readProjectFile(dir)?.publish).toEqual({
      to: 'registry.example.com/appliance',
      skip: true,
    });
    const bare = await root();
    await savePublish(bare, { to: undefined, skip: true });
    expect(readProjectFile(bare)?.publish).toEqual({ skip: true });
  });

  it('creates a file holding only comments into one with the block below them', async () => {
    const dir = await root('# nothing yet');
    await savePublish(dir, { to: 'localhost:5000/t', skip: false });
    const text = await fileOf(dir);
    expect(text.startsWith('# nothing yet\n')).toBe(true);
    expect(readProjectFile(dir)?.publish).toEqual({ to: 'localhost:5000/t' });
  });
});
