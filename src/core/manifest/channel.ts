// releases/channels/<channel>.json: which release is current on a channel, and what came before.
import semver from 'semver';
import { z } from 'zod';
import { UserInputError } from '../errors.js';
import {
  channelNameField,
  relativePathField,
  releaseVersionField,
  schematicIdField,
  talosVersionField,
  timestampField,
} from './fields.js';

export const channelEntrySchema = z.strictObject({
  releaseVersion: releaseVersionField,
  manifest: relativePathField.describe('The release manifest, relative to the repository root.'),
  talosVersion: talosVersionField,
  schematicId: schematicIdField,
  releasedAt: timestampField,
});

export const channelFileSchema = z.strictObject({
  $schema: z.string().optional(),
  channel: channelNameField,
  current: channelEntrySchema,
  history: z.array(channelEntrySchema).describe('Earlier releases, newest first.'),
});

export type ChannelEntry = z.infer<typeof channelEntrySchema>;
export type ChannelFile = z.infer<typeof channelFileSchema>;

/** The first release is 0.1.0; after that the patch number goes up by one. */
export function nextPatchVersion(current?: string): string {
  if (current === undefined) return '0.1.0';
  const next = semver.inc(current, 'patch');
  if (!next) {
    throw new UserInputError(
      `the channel's current release "${current}" is not a semantic version`,
      {
        hint: 'Pass --release-version explicitly, or fix the channel file.',
      },
    );
  }
  return next;
}

/**
 * The channel after releasing `entry`: it becomes current and the old current moves to the
 * front of the history. Releasing a version again (with --force) replaces its earlier entry.
 */
export function advanceChannel(
  file: ChannelFile | undefined,
  entry: ChannelEntry & { readonly channel: string },
): ChannelFile {
  const { channel, ...current } = entry;
  if (!file) return { channel, current, history: [] };
  if (file.channel !== channel) {
    throw new UserInputError(`the channel file is for "${file.channel}", not "${channel}"`, {
      hint: `Fix the "channel" field of releases/channels/${channel}.json.`,
    });
  }
  const history = [file.current, ...file.history].filter(
    (earlier) => earlier.releaseVersion !== current.releaseVersion,
  );
  return { ...(file.$schema ? { $schema: file.$schema } : {}), channel, current, history };
}
