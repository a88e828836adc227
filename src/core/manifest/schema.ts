// The release manifest: everything needed to rebuild, verify or roll out one appliance release.
// releases/schema.json is generated from this (npm run schema), so it is the one definition.
import { z } from 'zod';
import { manifestConsistencyIssues } from './consistency.js';
import {
  appVersionField,
  channelNameField,
  factoryUrlField,
  kubernetesVersionField,
  ociDigestField,
  platformField,
  relativePathField,
  releaseVersionField,
  schematicIdField,
  sha256Field,
  talosVersionField,
  timestampField,
  valuesProfileField,
} from './fields.js';
import {
  MANIFEST_VERSION,
  releaseArtifactSchema,
  releaseInstallerSchema,
} from './release-artifacts.js';

/** What each manifest's `$schema` says: the schema sits next to the manifests in releases/. */
export const RELEASE_MANIFEST_SCHEMA_REF = './schema.json';

const extensionEntry = z.strictObject({
  name: z.string().min(1),
  ref: z.string().min(1),
  digest: ociDigestField,
});

const manifestShape = z.strictObject({
  $schema: z.string().optional(),
  manifestVersion: z
    .literal(MANIFEST_VERSION)
    .optional()
    .describe('2 for a manifest with artifacts and installers; absent in version 1.'),
  releaseVersion: releaseVersionField,
  generatedAt: timestampField,
  channel: channelNameField,
  talos: z.strictObject({
    version: talosVersionField,
    schematicId: schematicIdField.describe('The ID the factory returned for talos.schematic.'),
    schematicPath: relativePathField.describe('The schematic file, relative to the repository.'),
    schematic: z.string().min(1).describe('The canonical schematic YAML the factory stored.'),
    factoryUrl: factoryUrlField,
    extensions: z.array(extensionEntry).describe('Bill of materials: each official extension.'),
  }),
  kubernetes: z.strictObject({ version: kubernetesVersionField }),
  os: z.strictObject({
    platform: platformField,
    architecture: z.enum(['amd64', 'arm64']),
    secureboot: z.boolean(),
    iso: z.strictObject({
      url: z.string().min(1),
      localPath: relativePathField,
      sha256: sha256Field.describe(
        'Computed locally while downloading; the factory publishes none.',
      ),
      size: z.number().int().nonnegative(),
    }),
    installer: z.strictObject({
      image: z.string().min(1),
      digest: ociDigestField.optional().describe('Absent when it could not be resolved.'),
    }),
  }),
  artifacts: z
    .array(releaseArtifactSchema)
    .min(1)
    .optional()
    .describe('Every image of the release; the first is the primary (os.iso). Version 2.'),
  installers: z
    .array(releaseInstallerSchema)
    .min(1)
    .optional()
    .describe('Every installer pinned; the first is the primary (os.installer). Version 2.'),
  app: z.strictObject({ version: appVersionField, valuesProfile: valuesProfileField }),
  tool: z.strictObject({ name: z.string().min(1), version: z.string().min(1) }),
});

export const releaseManifestSchema = manifestShape
  .superRefine((manifest, context) => {
    for (const issue of manifestConsistencyIssues(manifest)) {
      context.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
    }
  })
  .meta({
    title: 'talos-release manifest',
    description: 'One appliance release: Talos schematic, ISO, installer and application version.',
  });

export type ReleaseManifest = z.infer<typeof releaseManifestSchema>;
