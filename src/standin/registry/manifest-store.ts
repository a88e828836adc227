// Built installers and their signatures, shared by the factory's registry frontend (proxy mode)
// and the second registry (redirect mode), keyed by repository and digest (or tag) as a real
// registry keys them.
import type { Content, InstallerBuild, StoredManifest } from './installer-index.js';

/** The second registry's repository prefix, as `<repo path>` in the factory's redirect Location. */
export const BACKING_REPO_PATH = 'factory-installers';

export class ManifestStore {
  private readonly manifests = new Map<string, StoredManifest>();
  private readonly blobs = new Map<string, Content>();
  private readonly indexes = new Map<string, StoredManifest>();

  /** The index built for `repository:tag`, building and storing it on first use. */
  indexFor(
    repository: string,
    tag: string,
    build: () => InstallerBuild,
    stored: (index: StoredManifest) => void,
  ): StoredManifest {
    const key = `${repository}:${tag}`;
    const known = this.indexes.get(key);
    if (known) return known;
    const built = build();
    for (const manifest of [built.index, ...built.children]) this.putManifest(repository, manifest);
    for (const blob of built.blobs) this.putBlob(repository, blob);
    this.indexes.set(key, built.index);
    stored(built.index);
    return built.index;
  }

  /** Stores a manifest under its digest and, when given, a tag. */
  putManifest(repository: string, manifest: StoredManifest, tag?: string): void {
    this.manifests.set(`${repository}@${manifest.digest}`, manifest);
    if (tag !== undefined) this.manifests.set(`${repository}@${tag}`, manifest);
  }

  putBlob(repository: string, blob: Content): void {
    this.blobs.set(`${repository}@${blob.digest}`, blob);
  }

  /** By digest, or by a tag that is not a version (a cosign signature tag). */
  manifest(repository: string, reference: string): StoredManifest | undefined {
    return this.manifests.get(`${repository}@${reference}`);
  }

  blob(repository: string, digest: string): Content | undefined {
    return this.blobs.get(`${repository}@${digest}`);
  }
}
