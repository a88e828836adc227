// A one-file ustar archive, gzipped: the shape of an installer image layer (a gzip tar, as
// go-containerregistry's tarball.Image writes them). Fixed mtime, owner and gzip header, so
// the same content always gives the same bytes and therefore the same digests.
import { gzipSync } from 'node:zlib';

const BLOCK = 512;

function octal(value: number, width: number): string {
  // ustar numeric fields: zero-padded octal, NUL-terminated.
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function header(name: string, size: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'utf8');
  block.write(octal(0o644, 8), 100, 'ascii');
  block.write(octal(0, 8), 108, 'ascii');
  block.write(octal(0, 8), 116, 'ascii');
  block.write(octal(size, 12), 124, 'ascii');
  block.write(octal(0, 12), 136, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\x0000', 257, 'ascii');
  // The checksum is computed with its own field read as eight spaces.
  block.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

/** The uncompressed tar holding `content` as `name`. */
export function singleFileTar(name: string, content: Buffer): Buffer {
  const padding = (BLOCK - (content.length % BLOCK)) % BLOCK;
  return Buffer.concat([header(name, content.length), content, Buffer.alloc(padding + 2 * BLOCK)]);
}

export function gzipLayer(tar: Buffer): Buffer {
  return gzipSync(tar);
}
