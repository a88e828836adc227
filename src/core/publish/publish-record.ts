// releases/<version>.publish.json: where a release went, by digest and when. The release manifest
// is never rewritten by publishing; this record is, one entry per destination, so publishing to a
// second registry adds an entry and publishing again to the same one replaces its own.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { errnoCode } from '../errors.js';
import { writeFileAtomically } from '../fs/index.js';
import { describeIssues } from '../manifest/index.js';
import { UserInputError } from '../errors.js';

const digest = z.string().regex(/^sha256:[0-9a-f]{64}$/);

const mirroredInstaller = z.strictObject({
  source: z.string().min(1).describe('The factory reference by tag, as the release recorded it.'),
  reference: z.string().min(1).describe('<registry>/<repository>:<tag> in the destination.'),
  digest,
  signature: z
    .strictObject({ reference: z.string().min(1), digest })
    .nullable()
    .describe(
      "The factory's cosign signature, copied under its sha256-<hex>.sig tag; null when the source had none.",
    ),
});

const publication = z.strictObject({
  registry: z.string().min(1).describe('host[:port]'),
  scheme: z.enum(['https', 'http']).describe('http only for a registry on this machine.'),
  prefix: z.string().min(1),
  publishedAt: z.string().min(1),
  toolVersion: z.string().min(1),
  release: z.strictObject({
    reference: z.string().min(1).describe('<registry>/<prefix>/release:<release version>'),
    digest,
    channelReference: z
      .string()
      .min(1)
      .nullable()
      .describe('The channel tag moved to this release; null when the channel has moved on.'),
  }),
  installers: z.array(mirroredInstaller),
});

export const publishRecordSchema = z.strictObject({
  releaseVersion: z.string().min(1),
  publications: z.array(publication),
});

export type PublishRecord = z.infer<typeof publishRecordSchema>;
export type Publication = z.infer<typeof publication>;
export type MirroredInstaller = z.infer<typeof mirroredInstaller>;

export function publishRecordPath(root: string, releaseVersion: string): string {
  return join(root, 'releases', `${releaseVersion}.publish.json`);
}

export async function readPublishRecord(
  root: string,
  releaseVersion: string,
): Promise<PublishRecord | undefined> {
  const path = publishRecordPath(root, releaseVersion);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserInputError(`${path} is not valid JSON: ${(error as Error).message}`, {
      hint: 'Restore it from version control, or delete it and publish again.',
    });
  }
  const parsed = publishRecordSchema.safeParse(value);
  if (!parsed.success)
    throw new UserInputError(
      `${path} is not a valid publish record:\n${describeIssues(parsed.error).join('\n')}`,
      { hint: 'Restore it from version control, or delete it and publish again.' },
    );
  return parsed.data;
}

/** Adds `entry`, replacing an earlier publication to the same registry and prefix. */
export async function recordPublication(
  root: string,
  releaseVersion: string,
  entry: Publication,
): Promise<string> {
  const existing = await readPublishRecord(root, releaseVersion);
  const others = (existing?.publications ?? []).filter(
    (p) => !(p.registry === entry.registry && p.prefix === entry.prefix),
  );
  const record: PublishRecord = { releaseVersion, publications: [...others, entry] };
  const path = publishRecordPath(root, releaseVersion);
  await writeFileAtomically(path, `${JSON.stringify(record, null, 2)}\n`);
  return path;
}
