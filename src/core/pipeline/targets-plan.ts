// The images and installers of a release worked out in full: each target's schematic, URL and
// local file, each installer's reference. Which target `os.iso` describes is decided here too.
import { join, relative } from 'node:path';
import { artifactRefs, parseInstallerChoice, parseTargets } from '../artifacts/index.js';
import type { Architecture, TargetKind } from '../artifacts/index.js';
import { UserInputError } from '../errors.js';
import { normaliseTalosVersion } from '../versions/index.js';
import type { ReleaseAnswers } from './answers.js';
import { resolvePath, toPosix } from './project.js';

/** A target as asked for: an asset name, optionally built from its own schematic file. */
export interface TargetRequest {
  readonly name: string;
  /** A schematic file (relative to the root, or absolute); default: the release's. */
  readonly schematic?: string | undefined;
}

export interface PlannedTarget {
  readonly name: string;
  readonly kind: TargetKind;
  readonly platform: string | undefined;
  readonly arch: Architecture;
  readonly secureboot: boolean;
  readonly schematicId: string;
  readonly url: string;
  readonly localPath: string;
  readonly localPathRelative: string;
}

export interface PlannedInstaller {
  readonly platform: string;
  readonly secureboot: boolean;
  /** `<registry>/<repository>:<version>` */
  readonly image: string;
  readonly repository: string;
}

/** What a target's schematic contributes: its ID and whether it carries an overlay. */
export interface TargetSchematic {
  readonly id: string;
  readonly overlay: boolean;
}

/** No target named anywhere: today's single ISO from --platform, --arch and --secureboot. */
export function defaultTargets(answers: ReleaseAnswers): TargetRequest[] {
  const sb = answers.secureboot ? '-secureboot' : '';
  return [{ name: `${answers.platform}-${answers.arch}${sb}.iso` }];
}

/** `talos-<version>-<asset stem>-<first 12 of id><asset suffix>`: unique per schematic. */
export function targetFileName(name: string, talosVersion: string, schematicId: string): string {
  const dot = name.indexOf('.');
  const stem = dot < 0 ? name : name.slice(0, dot);
  const suffix = dot < 0 ? '' : name.slice(dot);
  return `talos-${talosVersion}-${stem}-${schematicId.slice(0, 12)}${suffix}`;
}

export function planTargets(
  answers: ReleaseAnswers,
  root: string,
  schematicOf: (request: TargetRequest) => TargetSchematic,
): PlannedTarget[] {
  const requests = answers.targets?.length ? answers.targets : defaultTargets(answers);
  const byName = new Map(requests.map((r) => [r.name, r]));
  const version = normaliseTalosVersion(answers.talosVersion) ?? answers.talosVersion;
  const parsed = parseTargets(
    requests.map((r) => r.name),
    (name) => ({
      talosVersion: version,
      overlay: schematicOf(byName.get(name) ?? { name }).overlay,
    }),
  );
  const factory = answers.factoryUrl.replace(/\/+$/, '');
  const directory = resolvePath(root, answers.artifactsDir);
  return parsed.map((target, index) => {
    const id = schematicOf(requests[index] ?? { name: target.name }).id;
    const localPath = join(directory, targetFileName(target.name, version, id));
    return {
      ...target,
      schematicId: id,
      url: `${factory}/image/${id}/${version}/${target.name}`,
      localPath,
      localPathRelative: toPosix(relative(root, localPath)),
    };
  });
}

/**
 * The target `os.iso` describes, so version 1 readers keep working: the first ISO. A release
 * with no ISO at all is refused, since `os.iso` is required.
 */
export function firstIso(targets: readonly PlannedTarget[]): PlannedTarget {
  const iso = targets.find((t) => t.kind === 'iso');
  if (!iso)
    throw new UserInputError('a release needs at least one ISO target', {
      hint: 'Add one, e.g. --target metal-amd64.iso: the manifest records it as os.iso.',
    });
  return iso;
}

export function planInstallers(
  answers: ReleaseAnswers,
  iso: PlannedTarget,
  schematicId: string,
): PlannedInstaller[] {
  const names = answers.installers?.length
    ? answers.installers
    : [`${iso.platform ?? 'metal'}${iso.secureboot ? '-secureboot' : ''}`];
  const seen = new Set<string>();
  const installers = names.map((name) => {
    if (seen.has(name))
      throw new UserInputError(`installer "${name}" is named twice`, {
        hint: 'Name each installer once.',
      });
    seen.add(name);
    const choice = parseInstallerChoice(name, answers.talosVersion);
    const refs = artifactRefs({
      factoryUrl: answers.factoryUrl,
      registry: answers.registry,
      schematicId,
      talosVersion: answers.talosVersion,
      platform: choice.platform,
      arch: iso.arch,
      secureboot: choice.secureboot,
    });
    return { ...choice, image: refs.installerImage, repository: refs.installerRepository };
  });
  const primary = installers[0];
  // os.installer and os.iso describe one machine in the manifest; they must agree.
  if (primary && (primary.platform !== iso.platform || primary.secureboot !== iso.secureboot)) {
    throw new UserInputError(
      `the first installer (${names[0]}) does not match the first ISO target (${iso.name})`,
      {
        hint:
          `List ${iso.platform ?? 'metal'}${iso.secureboot ? '-secureboot' : ''} first with --installer, ` +
          'or put an ISO of the same platform first: the manifest records both as its os entry.',
      },
    );
  }
  return installers;
}
