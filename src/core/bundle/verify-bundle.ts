// `verify --bundle`: at the site, with no network, is this bundle what the team signed? The sums
// file's signature first (when a key is given), then every file against the sums, the manifest
// against the sums, and every installer blob against its digest, walking each image from its
// index. The factory's cosign signature is checked too when the bundle carries it and the key.
import { CancelledError, ExitCode } from '../errors.js';
import type { ReleaseManifest } from '../manifest/index.js';
import { parseManifest, parseSha256Sums, sha256SumsPathFor } from '../manifest/index.js';
import { checkCosignSignature } from '../oci/index.js';
import type { Descriptor } from '../oci/index.js';
import { artifactsOf, installersToMirror } from '../publish/index.js';
import {
  checklistExitCode,
  checkProvenanceText,
  failed,
  passed,
  skipped,
} from '../verify/index.js';
import { provenancePathFor } from '../provenance/index.js';
import type { PublicKey } from '../signing/index.js';
import type { CheckResult } from '../verify/index.js';
import { blobPath, viewSource } from './view-source.js';
import type { BundleView } from './bundle-view.js';
import { BUNDLE_COSIGN_KEY } from './layout-names.js';
import { verifySumsSignature } from './sums-signature.js';

export interface BundleVerifyOptions {
  readonly view: BundleView;
  /** Checks the sums file's minisign signature; undefined when no --pubkey was given. */
  /** With --pubkey: the provenance must be signed by it too. */
  readonly publicKey?: PublicKey | undefined;
  readonly onCheck?: ((check: CheckResult) => void) | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface BundleVerifyReport {
  readonly manifest: ReleaseManifest | undefined;
  readonly checks: readonly CheckResult[];
  readonly exitCode: ExitCode;
}

export async function verifyBundle(options: BundleVerifyOptions): Promise<BundleVerifyReport> {
  try {
    return await verifyOnce(options);
  } catch (error) {
    // Ctrl-C while a file is hashed surfaces as a plain abort from the stream: still exit 130.
    if (options.signal?.aborted && !(error instanceof CancelledError))
      throw new CancelledError('verify cancelled', { cause: error });
    throw error;
  }
}

async function verifyOnce(options: BundleVerifyOptions): Promise<BundleVerifyReport> {
  const { view } = options;
  const checks: CheckResult[] = [];
  const add = (check: CheckResult): void => {
    checks.push(check);
    options.onCheck?.(check);
  };
  const manifestNames = [...view.names].filter((n) =>
    /^releases\/[^/]+(?<!\.publish|\.intoto)\.json$/.test(n),
  );
  if (manifestNames.length !== 1) {
    add(
      failed('bundle-manifest', 'the bundle holds one release manifest', {
        detail: `found ${manifestNames.length} in releases/ of ${view.description}`,
        fix: 'Make the bundle again with talos-release bundle.',
        exitCode: ExitCode.integrity,
      }),
    );
    return { manifest: undefined, checks, exitCode: checklistExitCode(checks) };
  }
  const manifestName = manifestNames[0] ?? '';
  const manifest = parseManifest(
    (await view.read(manifestName))?.toString('utf8') ?? '',
    manifestName,
  );
  add(
    passed(
      'bundle-manifest',
      'the bundle holds one release manifest',
      `release ${manifest.releaseVersion}`,
    ),
  );

  const sumsName = sha256SumsPathFor(manifest.releaseVersion);
  const sums = await view.read(sumsName);
  await checkSignature(options, add, sumsName, sums);
  if (sums) await checkSums(options, add, sumsName, sums, manifest);
  else
    add(
      failed('bundle-sums', 'every file matches the sums file', {
        detail: `${sumsName} is missing`,
        exitCode: ExitCode.integrity,
      }),
    );
  const provenancePath = provenancePathFor(manifest.releaseVersion);
  const provenance = checkProvenanceText(
    manifest,
    (await view.read(provenancePath))?.toString('utf8'),
    options.publicKey,
  );
  if (provenance) add(provenance);
  await checkImages(options, add, manifest);
  return { manifest, checks, exitCode: checklistExitCode(checks) };
}

type Add = (check: CheckResult) => void;

async function checkSignature(
  options: BundleVerifyOptions,
  add: Add,
  sumsName: string,
  sums: Buffer | undefined,
): Promise<void> {
  const title = `${sumsName} is signed by the given key`;
  if (!options.publicKey) {
    add(skipped('bundle-signature', title, 'no --pubkey given'));
    return;
  }
  const signature = await options.view.read(`${sumsName}.minisig`);
  if (!sums || !signature) {
    add(
      failed('bundle-signature', title, {
        detail: `${sumsName}.minisig is missing: the release was not signed`,
        fix: 'Ask the team for a signed bundle; do not load an unsigned one where a signature is required.',
        exitCode: ExitCode.integrity,
      }),
    );
    return;
  }
  try {
    const comment = await verifySumsSignature(
      options.publicKey,
      sums,
      signature.toString('utf8'),
      sumsName,
    );
    add(passed('bundle-signature', title, comment));
  } catch (error) {
    add(
      failed('bundle-signature', title, {
        detail: (error as Error).message,
        fix: 'Do not load this bundle: the sums file or its signature was changed, or the key is not the team’s.',
        exitCode: ExitCode.integrity,
      }),
    );
  }
}

async function checkSums(
  options: BundleVerifyOptions,
  add: Add,
  sumsName: string,
  sums: Buffer,
  manifest: ReleaseManifest,
): Promise<void> {
  const lines = parseSha256Sums(sums.toString('utf8'), sumsName);
  const bad: string[] = [];
  for (const line of lines) {
    const found = await options.view.hash(line.localPath, options.signal);
    if (!found) bad.push(`${line.localPath}: missing`);
    else if (found.sha256 !== line.sha256)
      bad.push(`${line.localPath}: SHA-256 ${found.sha256}, the sums file says ${line.sha256}`);
  }
  const listed = new Map(lines.map((line) => [line.localPath, line.sha256]));
  for (const artifact of artifactsOf(manifest))
    if (listed.get(artifact.localPath) !== artifact.sha256)
      bad.push(`${artifact.localPath}: the manifest's SHA-256 is not the one in ${sumsName}`);
  add(
    bad.length === 0
      ? passed(
          'bundle-sums',
          'every file matches the sums file',
          `${lines.length} file${lines.length === 1 ? '' : 's'}`,
        )
      : failed('bundle-sums', 'every file matches the sums file', {
          detail: bad.join('\n'),
          fix: 'Copy the bundle again from the original; a file changed on the way.',
          exitCode: ExitCode.integrity,
        }),
  );
}

async function checkImages(
  options: BundleVerifyOptions,
  add: Add,
  manifest: ReleaseManifest,
): Promise<void> {
  const { view } = options;
  const source = viewSource(view);
  const bad: string[] = [];
  let blobs = 0;
  const checkBlob = async (descriptor: Descriptor): Promise<boolean> => {
    blobs += 1;
    const found = await view.hash(blobPath(descriptor.digest), options.signal);
    if (found && `sha256:${found.sha256}` === descriptor.digest && found.size === descriptor.size)
      return true;
    bad.push(
      found
        ? `blob ${descriptor.digest}: its bytes do not match the digest`
        : `blob ${descriptor.digest}: missing`,
    );
    return false;
  };
  const walk = async (descriptor: Descriptor): Promise<void> => {
    if (!(await checkBlob(descriptor))) return;
    const document = JSON.parse(
      (await view.read(blobPath(descriptor.digest)))?.toString('utf8') ?? '{}',
    ) as {
      manifests?: Descriptor[];
      config?: Descriptor;
      layers?: Descriptor[];
    };
    for (const child of document.manifests ?? []) await walk(child);
    for (const blob of [...(document.config ? [document.config] : []), ...(document.layers ?? [])])
      await checkBlob(blob);
  };
  const installers = installersToMirror(manifest, 'bundle');
  for (const installer of installers) {
    const size = (await view.hash(blobPath(installer.digest)))?.size ?? 0;
    await walk({ mediaType: '', digest: installer.digest, size });
  }
  add(
    bad.length === 0
      ? passed(
          'bundle-images',
          'every installer blob matches its digest',
          `${installers.length} installers, ${blobs} blobs`,
        )
      : failed('bundle-images', 'every installer blob matches its digest', {
          detail: bad.join('\n'),
          fix: 'Make the bundle again with talos-release bundle; Talos pins installers by digest.',
          exitCode: ExitCode.integrity,
        }),
  );
  const key = await view.read(BUNDLE_COSIGN_KEY);
  const title = "every installer carries the factory's cosign signature";
  if (!key) {
    add(skipped('bundle-cosign', title, `the bundle has no ${BUNDLE_COSIGN_KEY}`));
    return;
  }
  const unsigned: string[] = [];
  for (const installer of installers) {
    try {
      const result = await checkCosignSignature({
        source,
        indexDigest: installer.digest,
        publicKeyPem: key.toString('utf8'),
        signal: options.signal,
      });
      if (result.status === 'missing')
        unsigned.push(`${installer.image}: no signature in the bundle`);
    } catch (error) {
      unsigned.push(`${installer.image}: ${(error as Error).message}`);
    }
  }
  add(
    unsigned.length === 0
      ? passed('bundle-cosign', title, `${installers.length} verified offline`)
      : failed('bundle-cosign', title, {
          detail: unsigned.join('\n'),
          fix: 'Make the bundle again from the factory; a signature that does not verify means other bytes.',
          exitCode: ExitCode.integrity,
        }),
  );
}
