// Answers with stored registry content, as the backing registry does and the factory's frontend
// passes through in proxy mode: the exact bytes, their digest, type and length.
import { send } from '../respond.js';
import type { Exchange } from '../respond.js';
import type { Content, StoredManifest } from './installer-index.js';

/** A manifest with its own media type; a blob as opaque bytes. */
export function sendContent(ex: Exchange, content: Content | StoredManifest): Promise<void> {
  const headers = {
    'Content-Type': 'mediaType' in content ? content.mediaType : 'application/octet-stream',
    'Content-Length': content.bytes.length,
    'Docker-Content-Digest': content.digest,
  };
  return send(ex, 200, headers, content.bytes);
}
