// Built installer indexes, shared by the factory's registry frontend (proxy mode) and the second
// registry (redirect mode), keyed by repository and digest as a real registry keys them.
import type { InstallerIndex } from './installer-index.js';

/** The second registry's repository prefix, as `<repo path>` in the factory's redirect Location. */
export const BACKING_REPO_PATH = 'factory-installers';

export class ManifestStore {
  private readonly byRepoDigest = new Map<string, Buffer>();

  put(repository: string, index: InstallerIndex): void {
    this.byRepoDigest.set(`${repository}@${index.digest}`, index.bytes);
  }

  get(repository: string, digest: string): Buffer | undefined {
    return this.byRepoDigest.get(`${repository}@${digest}`);
  }
}
