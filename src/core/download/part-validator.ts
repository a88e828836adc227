// The .part's validator outlives the run that wrote it: a resume next week must still prove, with
// If-Range, that the server's file is the one whose first bytes are on disk.
import type { DownloadFileSystem } from './types.js';

/** Only a strong validator may guard a range (RFC 9110 §13.1.5); weak ones start with W/. */
export function strongEtag(value: string | undefined): string | undefined {
  return value && /^"[^"]*"$/.test(value.trim()) ? value.trim() : undefined;
}

export async function loadPartValidator(
  fileSystem: DownloadFileSystem,
  validatorPath: string,
): Promise<string | undefined> {
  const text = (await fileSystem.readText(validatorPath).catch(() => undefined))?.trim();
  return strongEtag(text);
}

/** Best effort: without it a later resume is merely unguarded, as with a server that sends no ETag. */
export async function savePartValidator(
  fileSystem: DownloadFileSystem,
  validatorPath: string,
  etag: string | undefined,
): Promise<void> {
  try {
    if (etag) await fileSystem.writeText(validatorPath, `${etag}\n`);
    else await fileSystem.remove(validatorPath);
  } catch {
    // Ignored on purpose: see above.
  }
}
