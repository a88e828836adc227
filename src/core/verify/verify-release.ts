// `verify`: every way a written release can disagree with itself, its repository or (with
// --online) the factory, each as one named check. Nothing is written.
import { relative, resolve, sep } from 'node:path';
import { ExitCode } from '../errors.js';
import type { Http } from '../http/index.js';
import type { ReleaseManifest } from '../manifest/index.js';
import { checkInstallerImage, checkIsoUrl, derivedRefs } from './artifact-checks.js';
import { checkChannelEntry } from './channel-check.js';
import { checkExtensionsRecorded } from './extension-checks.js';
import { checklistExitCode, failed, passed } from './checklist.js';
import type { CheckResult } from './checklist.js';
import { checkLocalArtifacts } from './artifact-file-checks.js';
import { checkLocalIso } from './iso-checks.js';
import { localFileReader } from './local-files.js';
import { loadManifestForVerify } from './load-manifest.js';
import { checkFactoryArtifactSizes } from './online-artifact-checks.js';
import { checkFactoryInstallers } from './online-installer-checks.js';
import { checkFactoryInstallerDigest, checkFactoryIsoSize } from './online-checks.js';
import { checkFactoryExtensions } from './online-extension-checks.js';
import { isUnderRoot } from './paths.js';
import { checkPublishedReferences } from './published-checks.js';
import { checkKubernetesSupported, checkReleaseVersionFile } from './record-checks.js';
import { checkRecordedSchematic, checkSchematicFile } from './schematic-checks.js';
import { checkProvenance, checkSumsSignature } from './signature-checks.js';
import { checkSha256Sums } from './sums-check.js';
import type { PublicKey } from '../signing/index.js';

export interface VerifyOptions {
  /** The manifest file, absolute or relative to the process's working directory. */
  readonly manifestPath: string;
  /** The repository root that the manifest's relative paths are under. */
  readonly root: string;
  readonly online: boolean;
  /** The run's one HTTP layer; only --online uses it. */
  readonly http: Http;
  readonly signal?: AbortSignal | undefined;
  readonly backoffMs?: number | undefined;
  /** Where Docker credentials are found for checking published references (--online). */
  readonly env?: NodeJS.ProcessEnv | undefined;
  /** The CA of a registry the release was published to over TLS with a private CA. */
  readonly registryCa?: Buffer | undefined;
  /** With a key: the sums must be signed by it, and the provenance too (exit 5 otherwise). */
  readonly publicKey?: PublicKey | undefined;
  /** Hears each check as soon as it is decided, in checklist order. */
  readonly onCheck?: ((check: CheckResult) => void) | undefined;
  /** Hears, about once a second, that the factory has not answered yet (it may be building). */
  readonly onBuilding?: ((elapsedMs: number) => void) | undefined;
}

export interface VerifyReport {
  readonly manifest: ReleaseManifest;
  readonly checks: readonly CheckResult[];
  /** 0 when every check agrees; otherwise the most serious failure's exit code. */
  readonly exitCode: ExitCode;
}

/** Throws a UserInputError (exit 2) when the manifest cannot be read or is not a manifest. */
export async function verifyRelease(options: VerifyOptions): Promise<VerifyReport> {
  const { manifest, crossFieldIssues } = await loadManifestForVerify(options.manifestPath);
  const refs = derivedRefs(manifest);
  const checks: CheckResult[] = [];
  // Each line is reported as soon as it is known: hashing a large ISO takes a while.
  const record = (...done: CheckResult[]): void => {
    checks.push(...done);
    for (const check of done) options.onCheck?.(check);
  };
  const manifestRelative = relativeTo(options.root, options.manifestPath);
  record(schemaCheck(crossFieldIssues));
  record(checkReleaseVersionFile(manifest, shownPath(manifestRelative, options.manifestPath)));
  record(checkKubernetesSupported(manifest));
  record(checkRecordedSchematic(manifest));
  record(checkExtensionsRecorded(manifest));
  record(await checkSchematicFile(manifest, options.root));
  record(checkIsoUrl(manifest, refs), checkInstallerImage(manifest, refs));
  // The signature first: it is what makes the sums, and so every hash below, trustworthy.
  const signature = await checkSumsSignature(manifest, options.root, options.publicKey);
  if (signature) record(signature);
  // The ISO that os.iso and artifacts[] both describe is hashed once.
  const readLocalFile = localFileReader(options.signal);
  record(...(await checkLocalIso(manifest, options.root, readLocalFile)));
  if (manifest.artifacts) {
    record(...(await checkLocalArtifacts(manifest.artifacts, options.root, readLocalFile)));
  }
  const sums = await checkSha256Sums(manifest, options.root);
  if (sums) record(sums);
  const provenance = await checkProvenance(manifest, options.root, options.publicKey);
  if (provenance) record(provenance);
  record(await checkChannelEntry(manifest, options.root, manifestRelative));
  if (options.online) {
    // Version 2 lists os.iso and os.installer among its artifacts and installers: each is asked
    // about once, in the per-entry checks.
    if (manifest.artifacts)
      record(...(await checkFactoryArtifactSizes(manifest.artifacts, options)));
    else record(await checkFactoryIsoSize(manifest, options));
    if (manifest.installers)
      record(...(await checkFactoryInstallers(manifest, manifest.installers, options)));
    else record(await checkFactoryInstallerDigest(manifest, options));
    record(await checkFactoryExtensions(manifest, options));
    record(...(await checkPublishedReferences(manifest.releaseVersion, options)));
  }
  return { manifest, checks, exitCode: checklistExitCode(checks) };
}

/** Whatever else the schema demands of the fields together; the checks below name the values. */
function schemaCheck(issues: readonly string[]): CheckResult {
  const title = 'manifest satisfies releases/schema.json';
  if (issues.length === 0) return passed('schema', title);
  return failed('schema', title, {
    detail: issues.join('\n'),
    fix: 'Restore the manifest from version control, or cut the release again.',
    exitCode: ExitCode.integrity,
  });
}

/** The manifest's path as a channel file records it: relative to the root, forward slashes. */
function relativeTo(root: string, path: string): string {
  return relative(root, resolve(path)).split(sep).join('/');
}

/** Relative to the root when the manifest is inside it, as the operator gave it otherwise. */
function shownPath(manifestRelative: string, given: string): string {
  return isUnderRoot(manifestRelative) ? manifestRelative : given;
}
