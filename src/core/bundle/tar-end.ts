// Whether a tar ends the way a finished one does: with the two zero blocks that mark the end of
// the archive (GNU tar then pads with more zeros). A tar cut exactly between two entries is read
// without complaint by the extractor, so this is how a bundle that lost its tail is told apart
// (docs/distribution-protocol.md §10).
import { open } from 'node:fs/promises';
import { IntegrityError } from '../errors.js';

const END_OF_ARCHIVE_BYTES = 1024;

export async function requireEndOfArchive(path: string): Promise<void> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tail = Buffer.alloc(END_OF_ARCHIVE_BYTES);
    const start = Math.max(0, size - END_OF_ARCHIVE_BYTES);
    const { bytesRead } = await file.read(tail, 0, END_OF_ARCHIVE_BYTES, start);
    if (bytesRead === END_OF_ARCHIVE_BYTES && tail.every((byte) => byte === 0)) return;
  } finally {
    await file.close();
  }
  throw new IntegrityError(
    `${path} is not a complete tar: it stops without the end-of-archive blocks`,
    {
      hint: 'The bundle was cut short in transit; copy it again and compare its size with the original.',
    },
  );
}
