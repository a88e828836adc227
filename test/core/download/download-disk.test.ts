import { lstat, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import {
  downloadArtifact,
  formatBytes,
  nodeFileSystem,
  partPathFor,
} from '../../../src/core/download/index.js';
import type { DownloadFileSystem } from '../../../src/core/download/index.js';
import { DiskError, ExitCode } from '../../../src/core/errors.js';
import { getRequests, IMAGE_SIZE, startFixture, sizeOf } from './standin-fixture.js';
import type { Fixture } from './standin-fixture.js';
import { testHttp } from '../http/test-http.js';

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const fast = { backoffMs: 1, idleTimeoutMs: 2_000, http: testHttp() };

describe('disk errors', () => {
  it('report ENOSPC from the file layer with the space needed, without retrying', async () => {
    fixture = await startFixture();
    const fullDisk: DownloadFileSystem = {
      ...nodeFileSystem,
      async openForWrite(path, mode) {
        const real = await nodeFileSystem.openForWrite(path, mode);
        let written = 0;
        const stream = new Writable({
          write(chunk: Buffer, _encoding, callback) {
            written += chunk.length;
            if (written > 100_000) {
              callback(
                Object.assign(new Error('ENOSPC: no space left on device, write'), {
                  code: 'ENOSPC',
                }),
              );
              return;
            }
            real.stream.write(chunk, callback);
          },
          final: (callback) => real.stream.end(callback),
        });
        return { stream, sync: () => real.sync(), close: () => real.close() };
      },
    };
    const error = await downloadArtifact({
      url: fixture.url,
      dest: fixture.dest,
      fileSystem: fullDisk,
      ...fast,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiskError);
    expect((error as DiskError).message).toContain(formatBytes(IMAGE_SIZE));
    expect((error as DiskError).exitCode).toBe(ExitCode.disk);
    expect(getRequests(fixture.standin, '/image/')).toBe(1);
    expect(await sizeOf(fixture.dest)).toBe(-1);
  });
});

describe('what stands where the download goes', () => {
  it('a .part that is a dangling symlink: exit 6 naming it, and nothing created through it', async () => {
    fixture = await startFixture();
    const part = partPathFor(fixture.dest);
    const target = join(fixture.dir, 'elsewhere', 'victim.bin');
    await mkdir(dirname(part), { recursive: true });
    await symlink(target, part);
    const error = await downloadArtifact({ url: fixture.url, dest: fixture.dest, ...fast }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DiskError);
    expect((error as DiskError).exitCode).toBe(ExitCode.disk);
    expect((error as DiskError).message).toContain(part);
    expect((error as DiskError).hint).toMatch(/link/);
    expect(await sizeOf(target)).toBe(-1);
    expect((await lstat(part)).isSymbolicLink()).toBe(true);
  });

  it('a .part that links to a file elsewhere is never written through', async () => {
    fixture = await startFixture();
    const part = partPathFor(fixture.dest);
    const target = join(fixture.dir, 'precious.txt');
    await writeFile(target, 'keep me');
    await mkdir(dirname(part), { recursive: true });
    await symlink(target, part);
    const error = await downloadArtifact({ url: fixture.url, dest: fixture.dest, ...fast }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DiskError);
    expect(await readFile(target, 'utf8')).toBe('keep me');
  });

  it('a directory where the ISO goes: exit 6 naming it', async () => {
    fixture = await startFixture();
    await mkdir(fixture.dest, { recursive: true });
    const error = await downloadArtifact({ url: fixture.url, dest: fixture.dest, ...fast }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DiskError);
    expect((error as DiskError).exitCode).toBe(ExitCode.disk);
    expect((error as DiskError).message).toContain(fixture.dest);
    expect((error as DiskError).message).toMatch(/directory/);
  });

  it('EFBIG says the file-size limit, not disk space', async () => {
    fixture = await startFixture();
    const limited: DownloadFileSystem = {
      ...nodeFileSystem,
      async openForWrite(path, mode) {
        const real = await nodeFileSystem.openForWrite(path, mode);
        const stream = new Writable({
          write(_chunk: Buffer, _encoding, callback) {
            callback(Object.assign(new Error('EFBIG: file too large, write'), { code: 'EFBIG' }));
          },
        });
        return { stream, sync: () => real.sync(), close: () => real.close() };
      },
    };
    const error = await downloadArtifact({
      url: fixture.url,
      dest: fixture.dest,
      fileSystem: limited,
      ...fast,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiskError);
    expect((error as DiskError).exitCode).toBe(ExitCode.disk);
    expect((error as DiskError).message).toMatch(/file-size limit/);
    expect((error as DiskError).message).not.toMatch(/disk space/);
  });
});
