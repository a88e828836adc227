// A release version names a file (releases/<version>.json), so it is checked before any path is
// built from it: the manifest schema's own rule (strict semver, no build metadata, 64 characters
// at most) cannot climb out of releases/.
import { UserInputError } from '../errors.js';
import { releaseVersionField } from '../manifest/index.js';

export function assertReleaseVersion(version: string): void {
  if (!releaseVersionField.safeParse(version).success) {
    throw new UserInputError(`invalid release version: ${shownValue(version)}`, {
      hint: 'Use a semantic version such as 1.4.2 or 1.5.0-rc.1 (no leading v, no build metadata).',
    });
  }
}

/** A value as the operator can recognise it: quoted, one line, without flooding the terminal. */
export function shownValue(value: string): string {
  return value.length <= 60
    ? JSON.stringify(value)
    : `${JSON.stringify(value.slice(0, 40))}… (${value.length} characters)`;
}
