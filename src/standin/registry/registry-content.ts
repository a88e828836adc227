// Answers with stored registry content, as the backing registry does and the factory's frontend
// passes through in proxy mode: the exact bytes, their digest, type and length.
import { send } from '../respond.js';
import type { Exchange } from '../respond.js';
import type { Content, StoredManifest } from './installer-index.js';

export function sendManifest(ex: Exchange, manifest: StoredManifest): Promise<void> {
  const headers = {
    'Content-Type': manifest.mediaType,
    'Content-Length': manifest.bytes.length,
    'Docker-Content-Digest': manifest.digest,
  };
  return send(ex, 200, headers, manifest.bytes);
}

export function sendBlob(ex: Exchange, blob: Content): Promise<void> {
  const headers = {
    'Content-Type': 'application/octet-stream',
    'Content-Length': blob.bytes.length,
    'Docker-Content-Digest': blob.digest,
  };
  return send(ex, 200, headers, blob.bytes);
}
