// The one mapping from a 4xx answer to a FactoryRefusedError whose hint says what to change, for
// the catalogue API, downloads, HEAD checks and the installer registry alike (image-factory.md
// docs/factory-protocol.md §12). Matching is on status, route and a stable substring only, because
// the factory's wording and prefixes vary between releases.
import { FactoryRefusedError } from '../errors.js';

export interface Refusal {
  readonly method: string;
  /** Path and query, e.g. `/version/v1.12.4/extensions/official`. */
  readonly route: string;
  readonly url: string;
  readonly status: number;
  readonly body: string;
}

function describe(refusal: Refusal, message: string): { summary: string; hint: string } {
  const text = message.toLowerCase();
  const isSchematicPost = refusal.method === 'POST' && refusal.route.startsWith('/schematics');
  if (refusal.status === 400 && isSchematicPost) {
    return {
      summary: 'invalid schematic',
      hint: 'Fix the schematic where the factory says (`talos-release id` checks it offline).',
    };
  }
  if (refusal.status === 400 && text.includes('extension') && text.includes('not available')) {
    return {
      summary: 'extension not available for this Talos version',
      hint: 'Pick another Talos version or remove the extension from the schematic.',
    };
  }
  if (refusal.status === 400 && text.includes('overlay')) {
    return {
      summary: 'overlay not available for this Talos version',
      hint: 'Pick another overlay or Talos 1.7 or newer.',
    };
  }
  if (refusal.status === 400 && refusal.route.startsWith('/image/')) {
    return {
      summary: 'asset not available',
      hint: 'Check the platform, architecture and asset name, or pick another Talos version, as the factory message says.',
    };
  }
  if (refusal.status === 400) {
    return {
      summary: 'incompatible with this Talos version',
      hint: 'Change the schematic or pick another Talos version, as the factory message says.',
    };
  }
  if (refusal.status === 402) {
    return {
      summary: 'feature needs Image Factory Enterprise',
      hint: 'The community factory does not offer this; leave the feature out.',
    };
  }
  if (refusal.status === 404 && text.includes('schematic')) {
    return {
      summary: 'unknown schematic',
      hint: 'Submit the schematic to this factory first, or check the schematic ID and the factory URL.',
    };
  }
  if (refusal.status === 404 && text.includes('version')) {
    return {
      summary: 'unknown Talos version',
      hint: 'Pick a version the factory lists (for example latest, or a minor line such as 1.12).',
    };
  }
  if (refusal.status === 401 || refusal.status === 403) {
    return {
      summary: 'access denied',
      hint: 'The registry or factory wants credentials this tool does not send; without --require-digest the release records the tag alone.',
    };
  }
  if (refusal.status === 404) {
    return {
      summary: 'not found',
      hint: 'The URL may not point at an Image Factory: check --factory-url or TALOS_FACTORY_URL.',
    };
  }
  return {
    summary: `refused with status ${refusal.status}`,
    hint: 'Check the factory URL and the request; the factory message above says what it objects to.',
  };
}

export function refusalError(refusal: Refusal): FactoryRefusedError {
  // Error bodies are short plain text ending in LF; keep a long one readable.
  const trimmed = refusal.body.trim();
  const factoryMessage = trimmed.length > 500 ? `${trimmed.slice(0, 500)}…` : trimmed;
  const { summary, hint } = describe(refusal, factoryMessage);
  const said = factoryMessage ? `: ${factoryMessage}` : '';
  return new FactoryRefusedError(
    `${summary}: the factory refused ${refusal.method} ${refusal.route} (HTTP ${refusal.status})${said}`,
    { status: refusal.status, factoryMessage, url: refusal.url, hint },
  );
}

/** The same mapping for a caller that holds a full URL rather than a factory route. */
export function refusalForUrl(
  method: string,
  url: string | URL,
  status: number,
  body: string,
): FactoryRefusedError {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return refusalError({
    method,
    route: `${parsed.pathname}${parsed.search}`,
    url: parsed.href,
    status,
    body,
  });
}
