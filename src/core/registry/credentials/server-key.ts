// Docker writes the keys of `auths` and `credHelpers` in several spellings: `host`, `host:port`,
// or a URL such as `https://index.docker.io/v1/`. Everything is compared as a lowercase
// host[:port], so a credential matches only the registry it was stored for.

/** Docker Hub is stored under its legacy index URL; these names all mean it. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** `https://Host:5000/v1/` → `host:5000`; `host` → `host`. */
export function normaliseServerKey(key: string): string {
  const withoutScheme = key.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const host = withoutScheme.split('/')[0] ?? '';
  return host.toLowerCase();
}

/** Whether a config key and a registry host name the same registry. */
export function sameServer(key: string, host: string): boolean {
  const a = normaliseServerKey(key);
  const b = normaliseServerKey(host);
  return a === b || (DOCKER_HUB.has(a) && DOCKER_HUB.has(b));
}

/** What a credential helper is asked for: Docker Hub's legacy URL, else the host itself. */
export function helperServerAddress(host: string): string {
  return DOCKER_HUB.has(normaliseServerKey(host)) ? 'https://index.docker.io/v1/' : host;
}
