// An alternative file layer for the engine, injected through DownloadOptions.fileSystem: the same
// as the engine's own except that a batch of queued chunks goes to the disk with one writev()
// instead of being copied into one Buffer first. The experiment behind a proposed engine change.
import { open } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { nodeFileSystem } from '../../dist/core/download/index.js';

/**
 * writev may write less than asked (and at most IOV_MAX buffers); the rest goes in the next call.
 * @param {import('node:fs/promises').FileHandle} handle
 * @param {Buffer[]} buffers
 */
async function writevFully(handle, buffers) {
  let pending = buffers;
  while (pending.length > 0) {
    let written = (await handle.writev(pending)).bytesWritten;
    /** @type {Buffer[]} */
    const rest = [];
    for (const buffer of pending) {
      if (written >= buffer.length) {
        written -= buffer.length;
        continue;
      }
      rest.push(written > 0 ? buffer.subarray(written) : buffer);
      written = 0;
    }
    pending = rest;
  }
}

/**
 * @param {number} highWaterMark  bytes queued before the engine's pipeline waits
 * @returns {import('../../src/core/download/index.js').DownloadFileSystem}
 */
export function writevFileSystem(highWaterMark) {
  return {
    ...nodeFileSystem,
    async openForWrite(path, mode) {
      const handle = await open(path, mode === 'append' ? 'a' : 'w');
      const stream = new Writable({
        highWaterMark,
        write(chunk, _encoding, callback) {
          writevFully(handle, [chunk]).then(() => callback(), callback);
        },
        writev(chunks, callback) {
          writevFully(
            handle,
            chunks.map(({ chunk }) => chunk),
          ).then(() => callback(), callback);
        },
      });
      let closed = false;
      return {
        stream,
        sync: () => handle.sync(),
        async close() {
          if (closed) return;
          closed = true;
          await handle.close();
        },
      };
    },
  };
}
