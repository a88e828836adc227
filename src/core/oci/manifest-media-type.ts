// The media type of a manifest we were handed as bytes: the manifest's own `mediaType` field when
// it has one (it is part of the digested bytes, so it cannot lie about itself), else what the
// server or layout said. A destination stores the manifest under this type (docs/distribution-protocol.md §1.1).
export function manifestMediaType(bytes: Buffer, declared: string | undefined): string {
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as { mediaType?: unknown };
    if (typeof parsed.mediaType === 'string' && parsed.mediaType) return parsed.mediaType;
  } catch {
    // Not JSON: the walk reports it when it parses the manifest; the type is only advisory here.
  }
  const bare = declared?.split(';')[0]?.trim();
  return bare ? bare : 'application/vnd.oci.image.manifest.v1+json';
}
