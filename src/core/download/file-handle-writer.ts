// A Writable over a FileHandle that leaves the handle open when the stream ends, so the caller can
// fsync the very descriptor that received the bytes before renaming. (fs.WriteStream with
// autoClose: false never emits 'close', which keeps stream.pipeline waiting forever.)
import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';

async function writeFully(handle: FileHandle, buffer: Buffer): Promise<void> {
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset);
    offset += bytesWritten;
  }
}

export function fileHandleWriter(handle: FileHandle, highWaterMark: number): Writable {
  return new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, callback) {
      writeFully(handle, chunk).then(() => callback(), callback);
    },
    // When the disk is slower than the network, chunks queue up: one syscall for the whole batch.
    writev(chunks, callback) {
      const buffer = Buffer.concat(chunks.map(({ chunk }) => chunk as Buffer));
      writeFully(handle, buffer).then(() => callback(), callback);
    },
  });
}
