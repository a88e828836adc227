// Where things sit inside a bundle. The release keeps its repository paths (releases/…,
// artifacts/…), so `sha256sum -c releases/<v>.sha256sums` works from the bundle's root just as
// from the repository; the installers sit in an OCI image layout under images/.
export const BUNDLE_IMAGES_DIR = 'images';
export const BUNDLE_IMAGES_LIST = 'images.txt';
export const BUNDLE_README = 'README.txt';
/** The factory's cosign key, saved at bundle time so the site can check signatures offline. */
export const BUNDLE_COSIGN_KEY = 'images/cosign.pub';

/** `out.tar` is a tar; anything else is a directory. */
export function bundleKindOf(out: string): 'tar' | 'dir' {
  return out.endsWith('.tar') ? 'tar' : 'dir';
}

/**
 * A path inside a bundle, as a tar entry or a file name: relative, forward slashes, no `..`,
 * nothing hidden above the root. Anything else is refused before a byte is written or pushed.
 */
export function isSafeBundlePath(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.includes('\0'))
    return false;
  return name.split('/').every((segment) => segment !== '..');
}
