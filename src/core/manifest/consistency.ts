// Cross-field rules for a release manifest: every address in it must name the same schematic
// and version as `talos`, and the recorded schematic text must hash to the recorded ID.
import { createHash } from 'node:crypto';
import { parseInstallerImage, parseIsoUrl } from '../artifacts/index.js';
import { artifactListIssues } from './artifact-consistency.js';
import type { ArtifactListsInput } from './artifact-consistency.js';

export interface ConsistencyIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** The fields the consistency rules read; the schema's output type satisfies it. */
export interface ConsistencyInput extends ArtifactListsInput {
  readonly talos: {
    readonly version: string;
    readonly schematicId: string;
    readonly schematic: string;
    readonly factoryUrl: string;
  };
  readonly os: {
    readonly platform: string;
    readonly architecture: string;
    readonly secureboot: boolean;
    readonly iso: ArtifactListsInput['os']['iso'];
    readonly installer: { readonly image: string; readonly digest?: string | undefined };
  };
}

const withV = (version: string): string => (version.startsWith('v') ? version : `v${version}`);

export function manifestConsistencyIssues(m: ConsistencyInput): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [...artifactListIssues(m)];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });
  const { talos, os } = m;

  const hashed = createHash('sha256').update(talos.schematic, 'utf8').digest('hex');
  if (hashed !== talos.schematicId) {
    add(['talos', 'schematic'], `does not hash to talos.schematicId (its SHA-256 is ${hashed})`);
  }

  const iso = parseIsoUrl(os.iso.url);
  if (!iso) {
    add(
      ['os', 'iso', 'url'],
      'is not a factory ISO URL (<factory>/image/<id>/<version>/<platform>-<arch>[-secureboot].iso)',
    );
  } else {
    if (iso.schematicId !== talos.schematicId) {
      add(
        ['os', 'iso', 'url'],
        `names schematic ${iso.schematicId}, but talos.schematicId is ${talos.schematicId}`,
      );
    }
    if (withV(iso.talosVersion) !== talos.version) {
      add(
        ['os', 'iso', 'url'],
        `names Talos ${iso.talosVersion}, but talos.version is ${talos.version}`,
      );
    }
    if (iso.platform !== os.platform || iso.arch !== os.architecture) {
      add(
        ['os', 'iso', 'url'],
        `is for ${iso.platform}-${iso.arch}, but os says ${os.platform}-${os.architecture}`,
      );
    }
    if (iso.secureboot !== os.secureboot) {
      add(
        ['os', 'iso', 'url'],
        `secureboot is ${iso.secureboot} in the URL but ${os.secureboot} in os.secureboot`,
      );
    }
    if (iso.factoryBase !== talos.factoryUrl.replace(/\/+$/, '')) {
      add(['os', 'iso', 'url'], `is not on talos.factoryUrl (${talos.factoryUrl})`);
    }
  }

  const installer = parseInstallerImage(os.installer.image);
  if (!installer) {
    add(
      ['os', 'installer', 'image'],
      'is not a factory installer reference (<registry>/[<platform>-]installer[-secureboot]/<id>:<version>)',
    );
    return issues;
  }
  if (installer.schematicId !== talos.schematicId) {
    add(
      ['os', 'installer', 'image'],
      `names schematic ${installer.schematicId}, but talos.schematicId is ${talos.schematicId}`,
    );
  }
  if (withV(installer.talosVersion) !== talos.version) {
    add(
      ['os', 'installer', 'image'],
      `names Talos ${installer.talosVersion}, but talos.version is ${talos.version}`,
    );
  }
  // In version 1 the one installer is the ISO's machine. Version 2 records each installer's own
  // platform in installers[] (checked there), so a nocloud ISO may ship with the metal installer.
  const sameMachine = m.manifestVersion === undefined;
  if (sameMachine && installer.secureboot !== os.secureboot) {
    add(
      ['os', 'installer', 'image'],
      `secureboot is ${installer.secureboot} in the reference but ${os.secureboot} in os.secureboot`,
    );
  }
  if (sameMachine && installer.platform !== undefined && installer.platform !== os.platform) {
    add(
      ['os', 'installer', 'image'],
      `is for platform ${installer.platform}, but os.platform is ${os.platform}`,
    );
  }
  if (installer.digest && os.installer.digest && installer.digest !== os.installer.digest) {
    add(
      ['os', 'installer', 'digest'],
      `differs from the digest pinned in os.installer.image (${installer.digest})`,
    );
  }
  return issues;
}
