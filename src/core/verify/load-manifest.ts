// Reads the manifest to verify. Only its structure decides whether it can be verified at all
// (exit 2); whether its fields agree with each other is what verify itself reports, one named
// check at a time (exit 5), so the schema's cross-field refinements are left to those checks.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { errnoCode, UserInputError } from '../errors.js';
import { describeIssues, releaseManifestSchema } from '../manifest/index.js';
import type { ReleaseManifest } from '../manifest/index.js';

const manifestStructure = z.object(releaseManifestSchema.shape);

export interface LoadedManifest {
  readonly manifest: ReleaseManifest;
  /** The schema's cross-field rules that this manifest breaks, as `field: message` lines. */
  readonly crossFieldIssues: readonly string[];
}

export async function loadManifestForVerify(path: string): Promise<LoadedManifest> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = errnoCode(error);
    throw new UserInputError(
      code === 'ENOENT'
        ? `there is no release manifest at ${path}`
        : `cannot read the release manifest ${path}: ${(error as Error).message}`,
      { hint: 'Pass the path of a manifest written by talos-release, e.g. releases/1.4.2.json.' },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserInputError(`${path} is not valid JSON: ${(error as Error).message}`, {
      hint: 'Restore the manifest from version control, or cut the release again.',
    });
  }
  const result = manifestStructure.safeParse(value);
  if (!result.success) {
    const lines = describeIssues(result.error).map((line) => `  - ${line}`);
    throw new UserInputError(`${path} is not a valid release manifest:\n${lines.join('\n')}`, {
      hint: 'Fix the fields listed above (releases/schema.json describes them), or restore the manifest from version control.',
    });
  }
  const full = releaseManifestSchema.safeParse(value);
  return {
    manifest: result.data as ReleaseManifest,
    crossFieldIssues: full.success ? [] : describeIssues(full.error),
  };
}
