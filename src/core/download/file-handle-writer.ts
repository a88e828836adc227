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

async function writeAllVectored(handle: FileHandle, buffers: Buffer[]): Promise<void> {
  const total = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
  const { bytesWritten } = await handle.writev(buffers);
  if (bytesWritten === total) return;
  // A short vectored write is rare on a regular file; finish the rest one buffer at a time.
  let skip = bytesWritten;
  for (const buffer of buffers) {
    if (skip >= buffer.length) {
      skip -= buffer.length;
      continue;
    }
    await writeFully(handle, buffer.subarray(skip));
    skip = 0;
  }
}

export function fileHandleWriter(handle: FileHandle, highWaterMark: number): Writable {
  return new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, callback) {
      writeFully(handle, chunk).then(() => callback(), callback);
    },
    // When the disk is slower than the network, chunks queue up: one syscall for the whole batch,
    // without first copying the batch into one more buffer (that copy raised peak memory).
    writev(chunks, callback) {
      writeAllVectored(
        handle,
        chunks.map(({ chunk }) => chunk as Buffer),
      ).then(() => callback(), callback);
    },
  });
}
