// The release worked out in full before anything is sent or written: the schematic in the
// tool's normal form, its ID, every reference, every path, and every problem found on the way.
import { join, relative } from 'node:path';
import { artifactRefs, isoFileName } from '../artifacts/index.js';
import type { ArtifactRefs } from '../artifacts/index.js';
import { checkExtensions, checkVersionQuirks } from '../catalogue/index.js';
import type { BomEntry, ExtensionInfo } from '../catalogue/index.js';
import {
  decodeSchematic,
  dialectSensitiveStrings,
  encodeCanonical,
  normalizeSchematic,
  schematicId,
  setOfficialExtensions,
} from '../schematic/index.js';
import type { Schematic } from '../schematic/index.js';
import { UserInputError } from '../errors.js';
import { RELEASES_DIR } from './answers.js';
import type { ReleaseAnswers } from './answers.js';
import { unlistedNote } from './existing-release.js';
import { collectProblems } from './problems.js';
import type { PlanProblem } from './problems.js';
import type { LoadedProject } from './project.js';
import { channelPathFor, resolvePath, toPosix } from './project.js';
import { firstIso, planInstallers, planTargets } from './targets-plan.js';
import type { PlannedInstaller, PlannedTarget, TargetRequest } from './targets-plan.js';

export interface ReleasePaths {
  readonly schematicRelative: string;
  readonly manifest: string;
  readonly manifestRelative: string;
  readonly channel: string;
  readonly channelRelative: string;
  readonly iso: string;
  readonly isoRelative: string;
}

export interface ReleasePlan {
  readonly answers: ReleaseAnswers;
  readonly schematic: Schematic;
  /** The canonical bytes the factory hashes: what is submitted and recorded. */
  readonly canonical: string;
  readonly schematicId: string;
  /** What the tool's normal form changed, as sentences for the operator. */
  readonly normalFormChanges: readonly string[];
  /** The schematic file's new text when --extensions changed it (comments kept). */
  readonly schematicFileUpdate: { readonly before: string; readonly after: string } | undefined;
  readonly extensions: readonly string[];
  /** The first ISO target's addresses and the first installer's: what `os` records. */
  readonly refs: ArtifactRefs;
  /** Every image of the release, in the order given; the first is the primary. */
  readonly targets: readonly PlannedTarget[];
  /** Every installer to pin; the first is `os.installer`. */
  readonly installers: readonly PlannedInstaller[];
  /** Schematics that targets name besides the release's own: each is submitted too. */
  readonly targetSchematics: readonly PlannedSchematic[];
  /** Name, ref and digest of each extension; empty when the catalogue was not consulted. */
  readonly bom: readonly BomEntry[];
  readonly paths: ReleasePaths;
  /** Facts worth telling the operator that need no action. */
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
  readonly problems: readonly PlanProblem[];
}

/** A schematic file a target names, in the tool's normal form. */
export interface PlannedSchematic {
  /** As the target named it. */
  readonly path: string;
  readonly canonical: string;
  readonly id: string;
  readonly overlay: boolean;
}

export interface PlanContext {
  readonly project: LoadedProject;
  /** Loaded schematic files named by targets, by the path the target gave. */
  readonly targetSchematics?: ReadonlyMap<string, Schematic> | undefined;
  /** The version's official extensions; undefined offline, when the check is skipped. */
  readonly catalogue: readonly ExtensionInfo[] | undefined;
  /** Is this release version taken: its manifest exists and a channel lists it? */
  readonly manifestExists: boolean;
  /** A manifest exists that no channel lists (an interrupted run's): it will be replaced. */
  readonly unlistedManifest?: boolean | undefined;
}

export function planRelease(answers: ReleaseAnswers, context: PlanContext): ReleasePlan {
  const { project } = context;
  const file = project.schematicFile;
  const updatedText = answers.extensions
    ? setOfficialExtensions(file.text, sortedUnique(answers.extensions, answers.keepExtensionOrder))
    : undefined;
  const decoded = updatedText ? decodeSchematic(updatedText, file.path) : file.schematic;
  const normal = normalizeSchematic(decoded, { keepExtensionOrder: answers.keepExtensionOrder });
  const canonical = encodeCanonical(normal.schematic);
  const id = schematicId(canonical);
  const extensions = normal.schematic.customization.systemExtensions?.officialExtensions ?? [];
  const targetSchematics = plannedTargetSchematics(context, answers.keepExtensionOrder);
  const own = { id, overlay: normal.schematic.overlay !== undefined };
  const schematicOf = (request: TargetRequest) =>
    request.schematic === undefined
      ? own
      : (targetSchematics.find((s) => s.path === request.schematic) ?? own);
  const targets = planTargets(answers, project.root, schematicOf);
  const iso = firstIso(targets);
  const installers = planInstallers(answers, iso, id);
  const refs = artifactRefs({
    factoryUrl: answers.factoryUrl,
    registry: answers.registry,
    schematicId: id,
    talosVersion: answers.talosVersion,
    platform: iso.platform ?? answers.platform,
    arch: iso.arch,
    secureboot: iso.secureboot,
  });
  if (iso.schematicId !== id)
    throw new UserInputError(`the first ISO target (${iso.name}) names another schematic`, {
      hint: "The manifest's os.iso is built from the release's schematic: list such an ISO first.",
    });
  const paths = {
    ...releasePaths(answers, project.root, id),
    iso: iso.localPath,
    isoRelative: iso.localPathRelative,
  };
  const catalogueCheck = context.catalogue
    ? checkExtensions({
        requested: extensions,
        catalogue: [...context.catalogue],
        talosVersion: answers.talosVersion,
      })
    : undefined;
  const quirks = checkVersionQuirks(normal.schematic, answers.talosVersion);
  const sensitive = dialectSensitiveStrings(normal.schematic);
  return {
    answers,
    schematic: normal.schematic,
    canonical,
    schematicId: id,
    normalFormChanges: normal.changes,
    schematicFileUpdate:
      updatedText !== undefined && updatedText !== file.text
        ? { before: file.text, after: updatedText }
        : undefined,
    extensions,
    refs,
    targets,
    installers,
    targetSchematics,
    bom: catalogueCheck?.bom ?? [],
    paths,
    notes: context.unlistedManifest ? [unlistedNote(paths.manifestRelative)] : [],
    warnings: [
      ...(catalogueCheck?.renamed ?? []).map(
        (r) =>
          `${r.name} was renamed ${r.current}: the factory still accepts the old name, but ` +
          `the new one is what this version ships (use --extensions to switch; the ID changes)`,
      ),
      ...(context.catalogue
        ? []
        : ['the extension catalogue was not consulted (offline): names are not checked']),
      ...(sensitive.length > 0
        ? [
            `the schematic contains ${sensitive.map((s) => JSON.stringify(s)).join(', ')}, ` +
              "whose encoding differs between factory releases: the offline ID may differ from the factory's",
          ]
        : []),
    ],
    problems: collectProblems({
      answers,
      schematic: normal.schematic,
      catalogueProblems: [...(catalogueCheck?.problems ?? []), ...quirks],
      manifestExists: context.manifestExists,
      manifestRelative: paths.manifestRelative,
      currentRelease: project.channel?.current.releaseVersion,
    }),
  };
}

/** releases/<version>.json; the version was checked by assertReleaseVersion first. */
export function manifestPathFor(root: string, releaseVersion: string): string {
  return join(root, RELEASES_DIR, `${releaseVersion}.json`);
}

export function releasePaths(answers: ReleaseAnswers, root: string, id: string): ReleasePaths {
  const manifest = manifestPathFor(root, answers.releaseVersion);
  const channel = channelPathFor(root, answers.channel);
  const iso = join(
    resolvePath(root, answers.artifactsDir),
    isoFileName({
      talosVersion: answers.talosVersion,
      platform: answers.platform,
      arch: answers.arch,
      secureboot: answers.secureboot,
      schematicId: id,
    }),
  );
  return {
    schematicRelative: toPosix(relative(root, resolvePath(root, answers.schematicPath))),
    manifest,
    manifestRelative: toPosix(relative(root, manifest)),
    channel,
    channelRelative: toPosix(relative(root, channel)),
    iso,
    isoRelative: toPosix(relative(root, iso)),
  };
}

function plannedTargetSchematics(
  context: PlanContext,
  keepExtensionOrder: boolean,
): PlannedSchematic[] {
  return [...(context.targetSchematics ?? new Map<string, Schematic>())].map(([path, decoded]) => {
    const normal = normalizeSchematic(decoded, { keepExtensionOrder });
    const canonical = encodeCanonical(normal.schematic);
    return {
      path,
      canonical,
      id: schematicId(canonical),
      overlay: normal.schematic.overlay !== undefined,
    };
  });
}

function sortedUnique(names: readonly string[], keepOrder: boolean): string[] {
  const unique = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))];
  return keepOrder ? unique : unique.sort();
}
