// Field-level rules shared by the release manifest and the channel file. Patterns rather than
// refinements wherever possible, so releases/schema.json carries them too.
import { z } from 'zod';

const SEMVER_CORE = String.raw`(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)`;
const SEMVER_PRE = String.raw`(?:-(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*)?`;

/** Semver without build metadata: only [0-9A-Za-z.-], never a leading dot, so safe as a file name. */
export const RELEASE_VERSION_PATTERN = new RegExp(`^${SEMVER_CORE}${SEMVER_PRE}$`);

export const releaseVersionField = z
  .string()
  .max(64, 'releaseVersion is too long (64 characters at most)')
  .regex(
    RELEASE_VERSION_PATTERN,
    'must be a semantic version such as 1.2.3 or 1.3.0-rc.1 (no build metadata, no path characters), because it names the manifest file',
  )
  .describe(
    'The appliance release version (semver, no build metadata); also the manifest file name.',
  );

export const talosVersionField = z
  .string()
  .regex(new RegExp(`^v${SEMVER_CORE}${SEMVER_PRE}$`), 'must be a Talos version such as v1.12.4')
  .describe('The Talos version, as the factory lists it (with the leading v).');

export const kubernetesVersionField = z
  .string()
  .regex(
    new RegExp(`^v?${SEMVER_CORE}${SEMVER_PRE}$`),
    'must be a Kubernetes version such as 1.35.2',
  );

export const schematicIdField = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be a schematic ID: 64 lowercase hex characters');

export const sha256Field = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256: 64 lowercase hex characters');

export const ociDigestField = z
  .string()
  .regex(/^sha256:[0-9a-f]{64}$/, 'must be a digest such as sha256:<64 lowercase hex>');

export const channelNameField = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    'must be a channel name such as stable or beta (letters, digits, dots, dashes, underscores)',
  );

export const timestampField = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 timestamp such as 2026-11-22T03:00:00Z',
});

/** A path relative to the repository root, written with forward slashes. */
export const relativePathField = z
  .string()
  .min(1, 'must not be empty')
  .regex(/^(?![/\\])(?![A-Za-z]:)[^\\]*$/, 'must be a relative path with forward slashes');

/** A plain name: safe as a file or path component, one line, no spaces. */
const PLAIN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const appVersionField = z
  .string()
  .max(64, 'must be 64 characters at most')
  .regex(
    /^[0-9A-Za-z][0-9A-Za-z.+_~-]*$/,
    'must be a version such as 2.3.0 (letters, digits, dots, dashes, plus, underscores; no spaces)',
  )
  .describe('The appliance application version this release ships.');

export const valuesProfileField = z
  .string()
  .regex(
    PLAIN_NAME,
    'must be a profile name such as default or production (letters, digits, dots, dashes, underscores; 64 at most)',
  )
  .describe('The appliance values profile.');

export const platformField = z
  .string()
  .max(64, 'must be 64 characters at most')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a Talos platform name');

/** An http(s) URL without user info: credentials never belong in a manifest anyone can read. */
export const factoryUrlField = z
  .string()
  .max(2048, 'must be 2048 characters at most')
  .regex(/^https?:\/\/[^/?#@\s]+(?:[/?#]\S*)?$/, 'must be an http(s) URL without user:password@');
