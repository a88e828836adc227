// Manifest version 2 records every image a release ships (`artifacts`) and every installer it
// pins (`installers`); `os.iso` and `os.installer` keep describing the primary ones, so readers
// of version 1 keep working. A version 1 manifest has neither list.
import { z } from 'zod';
import {
  ociDigestField,
  platformField,
  relativePathField,
  schematicIdField,
  sha256Field,
} from './fields.js';

export const MANIFEST_VERSION = 2;

const architectureField = z.enum(['amd64', 'arm64']);

/** What kind of factory asset an artifact is, from the asset path grammar. */
export const artifactKindField = z.enum([
  'iso',
  'disk',
  'kernel',
  'initramfs',
  'uki',
  'installer-tarball',
  'cmdline',
]);
export type ArtifactKind = z.infer<typeof artifactKindField>;

export const releaseArtifactSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(200)
    .describe('The factory asset path, e.g. nocloud-amd64.raw.xz; unique in a release.'),
  kind: artifactKindField,
  platform: platformField.optional().describe('Absent for kernel and initramfs.'),
  architecture: architectureField,
  secureboot: z.boolean(),
  schematicId: schematicIdField,
  url: z.string().min(1),
  localPath: relativePathField,
  sha256: sha256Field.describe('Computed locally while downloading; the factory publishes none.'),
  size: z.number().int().nonnegative(),
});
export type ReleaseArtifact = z.infer<typeof releaseArtifactSchema>;

export const releaseInstallerSchema = z.strictObject({
  platform: platformField,
  secureboot: z.boolean(),
  image: z.string().min(1).describe('The installer reference by tag.'),
  digest: ociDigestField.optional().describe('The image index digest; absent when unresolved.'),
  architectures: z
    .array(z.strictObject({ architecture: architectureField, digest: ociDigestField }))
    .describe('The per-architecture manifest digests listed by the index.'),
});
export type ReleaseInstaller = z.infer<typeof releaseInstallerSchema>;
