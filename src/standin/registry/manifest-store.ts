// Built installers, shared by the factory's registry frontend (proxy mode) and the second
// registry (redirect mode), keyed by repository and digest as a real registry keys them.
import type { Content, InstallerBuild, StoredManifest } from './installer-index.js';

/** The second registry's repository prefix, as `<repo path>` in the factory's redirect Location. */
export const BACKING_REPO_PATH = 'factory-installers';

export class ManifestStore {
  private readonly manifests = new Map<string, StoredManifest>();
  private readonly blobs = new Map<string, Content>();
  private readonly indexes = new Map<string, StoredManifest>();

  /** The index built for `repository:tag`, building and storing it on first use. */
  indexFor(repository: string, tag: string, build: () => InstallerBuild): StoredManifest {
    const key = `${repository}:${tag}`;
    const known = this.indexes.get(key);
    if (known) return known;
    const built = build();
    this.put(repository, built);
    this.indexes.set(key, built.index);
    return built.index;
  }

  /** Stores the index, its children and their blobs under `repository` (`<image>/<id>`). */
  private put(repository: string, build: InstallerBuild): void {
    for (const manifest of [build.index, ...build.children]) {
      this.manifests.set(`${repository}@${manifest.digest}`, manifest);
    }
    for (const blob of build.blobs) this.blobs.set(`${repository}@${blob.digest}`, blob);
  }

  manifest(repository: string, digest: string): StoredManifest | undefined {
    return this.manifests.get(`${repository}@${digest}`);
  }

  blob(repository: string, digest: string): Content | undefined {
    return this.blobs.get(`${repository}@${digest}`);
  }
}
