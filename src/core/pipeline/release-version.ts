// A release version names a file (releases/<version>.json), so it is checked before any path is
// built from it: a strict semver with no build metadata cannot climb out of releases/.
import { UserInputError } from '../errors.js';

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?$/;

export function assertReleaseVersion(version: string): void {
  if (!SEMVER.test(version)) {
    throw new UserInputError(`invalid release version: ${JSON.stringify(version)}`, {
      hint: 'Use a semantic version such as 1.4.2 or 1.5.0-rc.1 (no leading v, no build metadata).',
    });
  }
}
