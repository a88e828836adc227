// Where the installer image is resolved: the factory itself, or an explicit --registry host.
/**
 * The registry's base URL. By default it is the factory itself; an explicit --registry host is
 * reached over HTTPS, except on loopback where the stand-in speaks plain HTTP.
 */
export function registryBaseUrl(factoryUrl: string, registry: string | undefined): string {
  if (registry === undefined) return new URL(factoryUrl).origin;
  if (/^https?:\/\//.test(registry)) return new URL(registry).origin;
  const host = registry.replace(/\/.*$/, '');
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host);
  return `${loopback ? 'http' : 'https'}://${host}`;
}
