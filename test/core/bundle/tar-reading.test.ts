// Reading a bundle tar (tarView for verify, openBundle for publish --from): what a site sees when
// the tar is whole, cut short, carries a climbing entry, or the reading is cancelled.
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import { afterEach, describe, expect, it } from 'vitest';
import { openBundle, tarView } from '../../../src/core/bundle/index.js';
import { CancelledError, IntegrityError, UserInputError } from '../../../src/core/errors.js';

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bundle-tar-'));
  temps.push(dir);
  return dir;
}

async function tarOf(path: string, entries: readonly { name: string; bytes: Buffer }[]) {
  const archive = pack();
  const written = pipeline(archive, createWriteStream(path));
  for (const entry of entries) archive.entry({ name: entry.name }, entry.bytes);
  archive.finalize();
  await written;
}

const big = Buffer.alloc(64 * 1024, 7);
const entries = [
  { name: 'releases/0.1.0.json', bytes: Buffer.from('{}\n') },
  { name: 'artifacts/a.iso', bytes: big },
];

describe('tarView', () => {
  it('hashes every entry and keeps the small ones readable', async () => {
    const tar = join(await tempDir(), 'b.tar');
    await tarOf(tar, entries);
    const view = await tarView(tar);
    expect([...view.names].sort()).toEqual(['artifacts/a.iso', 'releases/0.1.0.json']);
    expect(await view.hash('artifacts/a.iso')).toEqual({
      sha256: createHash('sha256').update(big).digest('hex'),
      size: big.length,
    });
    expect((await view.read('releases/0.1.0.json'))?.toString()).toBe('{}\n');
    expect(await view.hash('missing')).toBeUndefined();
  });

  it('a tar cut inside an entry, or between entries, is an integrity error, not a crash', async () => {
    const dir = await tempDir();
    const whole = join(dir, 'b.tar');
    await tarOf(whole, entries);
    const bytes = await readFile(whole);
    // Inside the ISO's data; and right after the first entry, before the end-of-archive blocks.
    for (const length of [bytes.length - 4096, 1024]) {
      const cut = join(dir, `cut-${length}.tar`);
      await writeFile(cut, bytes.subarray(0, length));
      const error = await tarView(cut).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IntegrityError);
      expect((error as Error).message).toContain(`${cut} is not a complete tar`);
    }
  });

  it('an entry that climbs out is refused as bad input', async () => {
    const tar = join(await tempDir(), 'evil.tar');
    await tarOf(tar, [{ name: '../evil', bytes: Buffer.from('x') }]);
    const error = await tarView(tar).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as Error).message).toContain('"../evil", which climbs out of the bundle');
  });

  it('a cancelled read is a CancelledError (exit 130)', async () => {
    const tar = join(await tempDir(), 'b.tar');
    await tarOf(tar, entries);
    const controller = new AbortController();
    controller.abort();
    await expect(tarView(tar, controller.signal)).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('openBundle', () => {
  it('unpacks a tar beside itself and close() removes the copy', async () => {
    const tar = join(await tempDir(), 'b.tar');
    await tarOf(tar, entries);
    const opened = await openBundle(tar);
    expect(opened.releaseVersion).toBe('0.1.0');
    expect(await readFile(join(opened.root, 'artifacts/a.iso'))).toEqual(big);
    await opened.close();
    expect(existsSync(`${tar}.unpacked`)).toBe(false);
  });

  it('a climbing entry writes nothing outside and leaves no unpacked copy', async () => {
    const dir = join(await tempDir(), 'inner');
    await mkdir(dir);
    const tar = join(dir, 'evil.tar');
    await tarOf(tar, [
      { name: 'releases/0.1.0.json', bytes: Buffer.from('{}\n') },
      { name: '../evil', bytes: Buffer.from('x') },
      { name: '/etc/evil', bytes: Buffer.from('x') },
    ]);
    await expect(openBundle(tar)).rejects.toBeInstanceOf(UserInputError);
    expect(existsSync(join(dir, 'evil'))).toBe(false);
    expect(existsSync(`${tar}.unpacked`)).toBe(false);
  });

  it('a truncated tar is an integrity error and leaves no unpacked copy', async () => {
    const dir = await tempDir();
    const whole = join(dir, 'b.tar');
    await tarOf(whole, entries);
    const cut = join(dir, 'cut.tar');
    await writeFile(cut, (await readFile(whole)).subarray(0, 8192));
    const error = await openBundle(cut).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IntegrityError);
    expect((error as Error).message).toContain('is not a complete tar');
    expect(existsSync(`${cut}.unpacked`)).toBe(false);
  });
});
