// The factory's registry as `bundle` reads it for the cosign check: manifests always from the
// factory (a signature tag must say what the factory serves now), blobs from the layout an earlier,
// interrupted bundle left whenever it holds that digest at the right size, else from the factory.
// A blob file is named by its digest and the reader still holds the bytes to it
// (docs/distribution-protocol.md §4), so a second attempt fetches no blob it already has.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { layoutBlobPath } from '../oci/index.js';
import type { OciSource } from '../oci/index.js';
import { FILE_READ_CHUNK_BYTES } from '../fs/index.js';

export function layoutFirstSource(factory: OciSource, layoutDir: string): OciSource {
  return {
    description: factory.description,
    manifest: (reference, signal) => factory.manifest(reference, signal),
    blob: (descriptor) => async (offset, signal) => {
      const path = layoutBlobPath(layoutDir, descriptor.digest);
      const info = await stat(path).catch(() => undefined);
      if (info?.isFile() && info.size === descriptor.size)
        return createReadStream(path, {
          start: offset,
          signal,
          highWaterMark: FILE_READ_CHUNK_BYTES,
        });
      return factory.blob(descriptor)(offset, signal);
    },
  };
}
