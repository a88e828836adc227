// Cross-field rules of manifest version 2: the lists must exist exactly when the version says so,
// every artifact and installer must belong to this release's Talos version, and os.iso and
// os.installer (what version 1 readers use) must be the primary entries of those lists.
import { parseInstallerImage } from '../artifacts/index.js';
import type { ConsistencyIssue } from './consistency.js';

interface ArtifactInput {
  readonly name: string;
  readonly kind: string;
  readonly schematicId: string;
  readonly url: string;
  readonly localPath: string;
  readonly sha256: string;
  readonly size: number;
}

interface InstallerInput {
  readonly platform: string;
  readonly secureboot: boolean;
  readonly image: string;
  readonly digest?: string | undefined;
  readonly architectures: readonly { readonly architecture: string }[];
}

/** The fields the version 2 rules read; the schema's output type satisfies it. */
export interface ArtifactListsInput {
  readonly manifestVersion?: number | undefined;
  readonly talos: { readonly version: string };
  readonly os: {
    readonly iso: {
      readonly url: string;
      readonly localPath: string;
      readonly sha256: string;
      readonly size: number;
    };
    readonly installer: { readonly image: string; readonly digest?: string | undefined };
  };
  readonly artifacts?: readonly ArtifactInput[] | undefined;
  readonly installers?: readonly InstallerInput[] | undefined;
}

type Add = (path: (string | number)[], message: string) => void;

export function artifactListIssues(m: ArtifactListsInput): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  const add: Add = (path, message) => issues.push({ path, message });
  const versioned = m.manifestVersion !== undefined;
  for (const list of ['artifacts', 'installers'] as const) {
    if (versioned && m[list] === undefined) {
      add([list], `is required in a manifestVersion ${m.manifestVersion} manifest`);
    }
    if (!versioned && m[list] !== undefined) {
      add([list], 'is only allowed with manifestVersion 2 (a version 1 manifest has no lists)');
    }
  }
  if (m.artifacts) artifactIssues(m, m.artifacts, add);
  if (m.installers) installerIssues(m, m.installers, add);
  return issues;
}

function artifactIssues(m: ArtifactListsInput, artifacts: readonly ArtifactInput[], add: Add) {
  const seen = new Set<string>();
  for (const [index, artifact] of artifacts.entries()) {
    const at = (field: string) => ['artifacts', index, field];
    if (seen.has(artifact.name)) add(at('name'), `${artifact.name} is listed more than once`);
    seen.add(artifact.name);
    const segments = urlSegments(artifact.url);
    if (segments === undefined) {
      add(at('url'), `is not a URL: ${JSON.stringify(artifact.url)}`);
      continue;
    }
    if (segments.at(-1) !== artifact.name) {
      add(at('url'), `ends in ${segments.at(-1) ?? '(nothing)'}, but the name is ${artifact.name}`);
    }
    if (!segments.includes(m.talos.version)) {
      add(at('url'), `does not name talos.version ${m.talos.version}`);
    }
    if (!segments.includes(artifact.schematicId)) {
      add(at('url'), `does not name the artifact's schematicId ${artifact.schematicId}`);
    }
  }
  const firstIso = artifacts.findIndex((artifact) => artifact.kind === 'iso');
  const iso = artifacts[firstIso];
  if (!iso) {
    add(['artifacts'], 'has no ISO, but os.iso must describe the first ISO artifact');
    return;
  }
  for (const field of ['url', 'localPath', 'sha256', 'size'] as const) {
    if (iso[field] !== m.os.iso[field]) {
      add(
        ['os', 'iso', field],
        `is ${JSON.stringify(m.os.iso[field])}, but the first ISO artifact (artifacts[${firstIso}]) says ${JSON.stringify(iso[field])}`,
      );
    }
  }
}

function installerIssues(m: ArtifactListsInput, installers: readonly InstallerInput[], add: Add) {
  const primary = installers[0];
  if (primary) {
    for (const field of ['image', 'digest'] as const) {
      if (primary[field] !== m.os.installer[field]) {
        add(
          ['os', 'installer', field],
          `is ${JSON.stringify(m.os.installer[field] ?? null)}, but installers[0] says ${JSON.stringify(primary[field] ?? null)}`,
        );
      }
    }
  }
  for (const [index, installer] of installers.entries()) {
    // The tag follows the last colon of the repository part (a registry host may carry a port).
    const tag = /:([^:/@]+)(?:@|$)/.exec(installer.image)?.[1];
    if (tag !== m.talos.version) {
      add(['installers', index, 'image'], `does not name talos.version ${m.talos.version}`);
    }
    const parsed = parseInstallerImage(installer.image);
    // The legacy `installer` repository means metal.
    if (
      parsed &&
      ((parsed.platform ?? 'metal') !== installer.platform ||
        parsed.secureboot !== installer.secureboot)
    ) {
      add(
        ['installers', index, 'image'],
        `is for ${parsed.platform ?? 'metal'}${parsed.secureboot ? '-secureboot' : ''}, but the entry says ${installer.platform}${installer.secureboot ? '-secureboot' : ''}`,
      );
    }
    const architectures = installer.architectures.map((entry) => entry.architecture);
    const repeated = architectures.filter((arch, at) => architectures.indexOf(arch) !== at);
    if (repeated.length > 0) {
      add(
        ['installers', index, 'architectures'],
        `lists ${[...new Set(repeated)].join(', ')} more than once`,
      );
    }
  }
}

function urlSegments(url: string): string[] | undefined {
  if (!URL.canParse(url)) return undefined;
  return new URL(url).pathname.split('/');
}
