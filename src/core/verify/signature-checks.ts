// With --pubkey: the sums file must carry a minisign signature by that key (the sums then vouch
// for every artifact hash, which the other checks compare), and the provenance must be a DSSE
// envelope signed by it whose subjects are this release's. Without --pubkey the provenance is
// still compared with the manifest when it is there (docs/distribution-protocol.md §5,
// §6).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, ReleaseError } from '../errors.js';
import { sha256SumsPathFor } from '../manifest/index.js';
import type { ReleaseManifest } from '../manifest/index.js';
import {
  isEnvelope,
  provenancePathFor,
  provenanceSubjects,
  verifyEnvelope,
} from '../provenance/index.js';
import type { ProvenanceStatement, ResourceDescriptor } from '../provenance/index.js';
import { verifyFileSignature } from '../signing/index.js';
import type { PublicKey } from '../signing/index.js';
import { failed, passed } from './checklist.js';
import type { CheckResult } from './checklist.js';

const RESIGN =
  'Restore the release files from version control, or cut the release again with the key.';

export async function checkSumsSignature(
  manifest: ReleaseManifest,
  root: string,
  publicKey: PublicKey | undefined,
): Promise<CheckResult | undefined> {
  const sums = sha256SumsPathFor(manifest.releaseVersion);
  const signature = `${sums}.minisig`;
  if (!publicKey) return undefined;
  const title = `${signature} is a signature of ${sums} by key ${publicKey.keyId}`;
  const text = await readFile(join(root, signature), 'utf8').catch(() => undefined);
  if (text === undefined) {
    return failed('sums-signature', title, {
      detail: `release ${manifest.releaseVersion} is not signed: there is no ${signature}`,
      fix: 'Cut the release with --sign-key (or TALOS_RELEASE_SIGN_KEY), or verify without --pubkey.',
      exitCode: ExitCode.integrity,
    });
  }
  try {
    const verified = await verifyFileSignature(join(root, sums), text, publicKey, {
      file: sums,
      signatureFile: signature,
    });
    return passed('sums-signature', title, `trusted comment: ${verified.trustedComment}`);
  } catch (error) {
    return failedFrom('sums-signature', title, error);
  }
}

export async function checkProvenance(
  manifest: ReleaseManifest,
  root: string,
  publicKey: PublicKey | undefined,
): Promise<CheckResult | undefined> {
  const path = provenancePathFor(manifest.releaseVersion);
  const text = await readFile(join(root, path), 'utf8').catch(() => undefined);
  return checkProvenanceText(manifest, text, publicKey);
}

/** The same check on the provenance's text, wherever it was read from (a repository, a bundle). */
export function checkProvenanceText(
  manifest: ReleaseManifest,
  text: string | undefined,
  publicKey: PublicKey | undefined,
): CheckResult | undefined {
  const path = provenancePathFor(manifest.releaseVersion);
  const title = publicKey
    ? `${path} is signed by key ${publicKey.keyId} and names every artifact and installer`
    : `${path} names every artifact and installer`;
  if (text === undefined) {
    if (!publicKey) return undefined;
    return failed('provenance', title, {
      detail: `there is no ${path}`,
      fix: RESIGN,
      exitCode: ExitCode.integrity,
    });
  }
  let statement: ProvenanceStatement;
  try {
    const parsed: unknown = JSON.parse(text);
    if (publicKey) statement = verifyEnvelope(parsed, publicKey, path);
    else if (isEnvelope(parsed)) {
      statement = JSON.parse(
        Buffer.from(parsed.payload, 'base64').toString('utf8'),
      ) as ProvenanceStatement;
    } else statement = parsed as ProvenanceStatement;
  } catch (error) {
    if (error instanceof SyntaxError) {
      return failed('provenance', title, {
        detail: `${path} is not JSON: ${error.message}`,
        fix: RESIGN,
        exitCode: ExitCode.integrity,
      });
    }
    return failedFrom('provenance', title, error);
  }
  const problems = subjectDisagreements(statement.subject, provenanceSubjects(manifest), path);
  if (problems.length > 0) {
    return failed('provenance', title, {
      detail: problems.join('\n'),
      fix: RESIGN,
      exitCode: ExitCode.integrity,
    });
  }
  const note = publicKey ? '' : ' (not checked for a signature: pass --pubkey)';
  return passed('provenance', title, `${statement.subject.length} subjects${note}`);
}

function subjectDisagreements(
  found: unknown,
  wanted: readonly ResourceDescriptor[],
  file: string,
): string[] {
  if (!Array.isArray(found)) return [`${file} has no subject list`];
  const key = (s: ResourceDescriptor): string => `${s.name} sha256:${s.digest['sha256']}`;
  const have = new Set((found as ResourceDescriptor[]).map(key));
  const want = new Set(wanted.map(key));
  return [
    ...[...want].filter((k) => !have.has(k)).map((k) => `${file} does not name ${k}`),
    ...[...have]
      .filter((k) => !want.has(k))
      .map((k) => `${file} names ${k}, which the manifest does not record`),
  ];
}

function failedFrom(id: string, title: string, error: unknown): CheckResult {
  if (!(error instanceof ReleaseError)) throw error;
  return failed(id, title, {
    detail: error.message,
    fix: error.hint ?? RESIGN,
    exitCode: error.exitCode,
  });
}
