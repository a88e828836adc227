// `--to <host[:port]>/<prefix>`: which registry a release is published to and under which path.
// The grammar is the OCI distribution one (docs/distribution-protocol.md §2):
// a host that looks like a host, then lowercase path segments. Plain http is a loopback-only
// escape hatch for tests and local registries, never a way to send credentials in the clear.
import { UserInputError } from '../errors.js';
import { isLoopbackHost } from '../http/index.js';

export interface RegistryDestination {
  /** host or host:port, lowercase, as written in image references (`[::1]:5000` for IPv6). */
  readonly host: string;
  /** One or more lowercase path segments, without leading or trailing slashes. */
  readonly prefix: string;
  readonly scheme: 'https' | 'http';
}

export interface DestinationOptions {
  /** Plain http; allowed only for 127.0.0.1, ::1 and localhost. */
  readonly insecure?: boolean | undefined;
}

/** One path component of a repository name (OCI distribution spec, "name" grammar). */
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])$/;
const PORT = /^[0-9]{1,5}$/;
const EXAMPLE = 'registry.example.com/talos (or 127.0.0.1:5000/talos)';

function bad(text: string, problem: string, hint: string): UserInputError {
  return new UserInputError(`registry destination ${JSON.stringify(text)} ${problem}`, { hint });
}

/** Splits `host[:port]` or `[v6]:port`; undefined when it does not look like a registry host. */
function parseHost(
  segment: string,
): { readonly hostname: string; readonly port?: string } | undefined {
  const v6 = /^\[([0-9a-f:.]+)\](?::([0-9]+))?$/i.exec(segment);
  if (v6?.[1]) return { hostname: v6[1], ...(v6[2] ? { port: v6[2] } : {}) };
  const [hostname = '', port, ...rest] = segment.split(':');
  if (rest.length > 0) return undefined;
  if (port !== undefined && !PORT.test(port)) return undefined;
  const labels = hostname.toLowerCase().split('.');
  if (!labels.every((label) => DOMAIN_COMPONENT.test(label))) return undefined;
  // Docker's rule: the first segment is a host only if it has a dot or a port, or is localhost.
  const looksLikeHost = labels.length > 1 || port !== undefined || labels[0] === 'localhost';
  if (!looksLikeHost) return undefined;
  return { hostname: hostname.toLowerCase(), ...(port !== undefined ? { port } : {}) };
}

export function parseRegistryDestination(
  text: string,
  options: DestinationOptions = {},
): RegistryDestination {
  const trimmed = text.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed);
  if (scheme) {
    const rest = trimmed.slice(scheme[0].length);
    throw bad(
      text,
      `starts with ${scheme[1]}://, but a destination is written without a scheme`,
      `Drop the scheme: --to ${rest}${
        scheme[1]?.toLowerCase() === 'http'
          ? ' --insecure-registry (plain http, loopback hosts only)'
          : ''
      }.`,
    );
  }
  const withoutSlash = trimmed.replace(/\/+$/, '');
  const slash = withoutSlash.indexOf('/');
  const hostPart = slash === -1 ? withoutSlash : withoutSlash.slice(0, slash);
  const prefix = slash === -1 ? '' : withoutSlash.slice(slash + 1);
  const host = parseHost(hostPart);
  if (!host) {
    throw bad(
      text,
      `does not start with a registry host (${JSON.stringify(hostPart)} has no dot or port)`,
      `Write <host[:port]>/<prefix>, for example ${EXAMPLE}.`,
    );
  }
  if (!prefix) {
    throw bad(
      text,
      'has no repository prefix after the host',
      `Add the path to publish under, for example ${hostPart}/talos.`,
    );
  }
  if (/[@]|:[^/]*$/.test(prefix)) {
    throw bad(
      text,
      'ends in a tag or digest',
      'Give only the repository prefix; talos-release chooses the tags.',
    );
  }
  if (prefix !== prefix.toLowerCase()) {
    throw bad(
      text,
      'has uppercase letters in its repository prefix',
      `Repository names are lowercase: --to ${hostPart}/${prefix.toLowerCase()}.`,
    );
  }
  const badSegment = prefix.split('/').find((segment) => !PATH_COMPONENT.test(segment));
  if (badSegment !== undefined) {
    throw bad(
      text,
      `has an invalid path segment ${JSON.stringify(badSegment)}`,
      'Use lowercase letters and digits, separated by ".", "_", "__" or "-", one or more segments joined by "/".',
    );
  }
  const hostText = `${host.hostname.includes(':') ? `[${host.hostname}]` : host.hostname}${
    host.port !== undefined ? `:${host.port}` : ''
  }`;
  if (options.insecure && !isLoopbackHost(host.hostname)) {
    throw bad(
      text,
      `asks for plain http to ${hostText}, which is not this machine`,
      'Plain http (--insecure-registry) is allowed only for 127.0.0.1, ::1 and localhost; use https (with --registry-ca for a private CA).',
    );
  }
  return { host: hostText, prefix, scheme: options.insecure ? 'http' : 'https' };
}

/** True when `name` is a valid repository path (one or more lowercase segments). */
export function isRepositoryName(name: string): boolean {
  return name.split('/').every((segment) => PATH_COMPONENT.test(segment));
}

/** The full repository path of `name` under the destination's prefix, e.g. `talos/release`. */
export function repositoryUnder(destination: RegistryDestination, name: string): string {
  return `${destination.prefix}/${name}`;
}
