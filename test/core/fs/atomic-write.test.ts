import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskError } from '../../../src/core/errors.js';
import { writeFileAtomically } from '../../../src/core/fs/atomic-write.js';

describe('writeFileAtomically', () => {
  it('replaces a file and leaves no temporary file behind', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tr-atomic-'));
    const target = join(dir, 'nested', 'release.json');
    await writeFileAtomically(target, 'first\n');
    await writeFileAtomically(target, 'second\n');
    expect(await readFile(target, 'utf8')).toBe('second\n');
    expect(await readdir(join(dir, 'nested'))).toEqual(['release.json']);
  });

  it('reports a path blocked by a file as a disk error naming the path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tr-atomic-'));
    await writeFile(join(dir, 'releases'), 'not a directory');
    const failure = await writeFileAtomically(join(dir, 'releases', 'x.json'), '{}').catch(
      (e) => e,
    );
    expect(failure).toBeInstanceOf(DiskError);
    expect((failure as DiskError).message).toContain(join(dir, 'releases', 'x.json'));
  });
});
