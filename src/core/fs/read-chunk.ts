// How much a streamed file read asks for at a time. Node's default (64 KiB) made packing and
// uploading images about twice as slow as 1 MiB reads (bench/README.md, publish and bundle), and
// 1 MiB keeps memory flat: a few of them are in flight at once.
export const FILE_READ_CHUNK_BYTES = 1 << 20;
