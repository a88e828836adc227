// talos-release.yaml: what a repository releases, so that nobody has to repeat the flags. Every
// field is optional and every flag overrides its field. talos-release.schema.json is generated
// from this (npm run schema) for editor completion.
import { z } from 'zod';
import { sortKeys } from '../manifest/index.js';

export const PROJECT_FILE_NAME = 'talos-release.yaml';
export const PROJECT_SCHEMA_FILE_NAME = 'talos-release.schema.json';

const targetName = z
  .string()
  .min(1)
  .max(200)
  .describe('A factory asset name, e.g. metal-amd64.iso, nocloud-amd64.raw.xz, kernel-arm64.');

export const projectTargetSchema = z.union([
  targetName,
  z.strictObject({
    name: targetName,
    schematic: z
      .string()
      .min(1)
      .describe(
        "A schematic file for this target (e.g. one with an SBC overlay); default: the release's.",
      ),
  }),
]);

export const projectFileSchema = z
  .strictObject({
    schematic: z.string().min(1).optional().describe('The schematic file, relative to the root.'),
    factory: z.string().min(1).optional().describe('The Image Factory URL.'),
    registry: z.string().min(1).optional().describe('The installer registry, host[:port].'),
    channel: z.string().min(1).optional().describe('The default release channel.'),
    targets: z
      .array(projectTargetSchema)
      .min(1)
      .optional()
      .describe('The images of every release; the first is the primary.'),
    installers: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe("Installers to pin, as <platform>[-secureboot]; default: the first ISO's."),
    concurrency: z
      .number()
      .int()
      .min(1)
      .max(16)
      .optional()
      .describe('How many targets download at once (default 3).'),
    publish: z
      .strictObject({
        to: z
          .string()
          .min(1)
          .optional()
          .describe('Where `publish` and the wizard send releases: <registry>[:port]/<prefix>.'),
        skip: z
          .boolean()
          .optional()
          .describe("true when the wizard's Publish step should be skipped by default."),
        registryCa: z
          .string()
          .min(1)
          .optional()
          .describe(
            "A PEM file (relative to the root) with the CA that signed the registry's certificate.",
          ),
        insecure: z
          .boolean()
          .optional()
          .describe(
            'Plain http, allowed only to a registry on this machine (127.0.0.1, ::1, localhost).',
          ),
        requireSignature: z
          .boolean()
          .optional()
          .describe('Refuse installers whose factory cosign signature is missing.'),
      })
      .optional()
      .describe('Publishing to the team registry.'),
    signing: z
      .strictObject({
        key: z
          .string()
          .min(1)
          .describe(
            'The minisign secret key that signs each release, relative to the root (talos-release keygen makes one). Keep it out of version control.',
          ),
      })
      .optional()
      .describe('Sign releases: the sums file (minisign) and the provenance (DSSE).'),
  })
  .meta({ title: 'talos-release project file', description: 'What this repository releases.' });

export type ProjectFile = z.infer<typeof projectFileSchema>;
export type ProjectTarget = z.infer<typeof projectTargetSchema>;

/** The exact text talos-release.schema.json must hold, ending in LF. */
export function projectJsonSchemaText(): string {
  const schema = z.toJSONSchema(projectFileSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify(sortKeys(schema), null, 2)}\n`;
}
