import { open, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileHandleWriter } from '../../../src/core/download/file-handle-writer.js';

describe('fileHandleWriter', () => {
  it('writes a batch of queued chunks in order and leaves the handle open for fsync', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'tr-writer-')), 'out.bin');
    const handle = await open(path, 'w');
    const writer = fileHandleWriter(handle, 1024);
    const chunks = Array.from({ length: 50 }, (_, i) => Buffer.alloc(1000 + i, i));
    // Corked writes reach the stream's writev as one batch.
    writer.cork();
    for (const chunk of chunks) writer.write(chunk);
    writer.uncork();
    await new Promise<void>((resolve, reject) =>
      writer.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    await handle.sync();
    await handle.close();
    expect(Buffer.compare(await readFile(path), Buffer.concat(chunks))).toBe(0);
  });
});
