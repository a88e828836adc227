import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadArtifact, formatBytes, nodeFileSystem } from '../../../src/core/download/index.js';
import type { DownloadFileSystem } from '../../../src/core/download/index.js';
import { DiskError, ExitCode } from '../../../src/core/errors.js';
import { getRequests, IMAGE_SIZE, startFixture, sizeOf } from './standin-fixture.js';
import type { Fixture } from './standin-fixture.js';

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.close();
  fixture = undefined;
});

const fast = { backoffMs: 1, idleTimeoutMs: 2_000 };

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
