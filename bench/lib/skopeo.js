// The real skopeo, the contender of the publish and mirror benchmarks.
import { existsSync } from 'node:fs';

export const SKOPEO_BIN = ['/usr/bin/skopeo', '/usr/local/bin/skopeo'].find((path) =>
  existsSync(path),
);

/** @returns {string} */
export function requireSkopeo() {
  if (!SKOPEO_BIN) {
    throw new Error(
      'skopeo is not installed (/usr/bin/skopeo); apt-get install -y skopeo (the publish benchmarks race it)',
    );
  }
  return SKOPEO_BIN;
}
