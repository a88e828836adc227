// The release's signing key, read and unlocked before anything is downloaded: a wrong path or a
// wrong password should cost seconds, not a download of every image.
import { readFile } from 'node:fs/promises';
import { UserInputError, errnoCode } from '../errors.js';
import { parseSecretKey, secretKeyIsEncrypted } from './secret-key.js';
import type { SecretKey } from './secret-key.js';

/** Asked only when the key is encrypted; the file is named so the prompt can say which key. */
export type PasswordSource = (file: string) => Promise<string>;

export async function loadSigningKey(path: string, password: PasswordSource): Promise<SecretKey> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const missing = errnoCode(error) === 'ENOENT';
    throw new UserInputError(
      missing ? `signing key ${path} does not exist` : `cannot read signing key ${path}`,
      {
        hint: missing
          ? 'Check --sign-key, TALOS_RELEASE_SIGN_KEY or signing.key in talos-release.yaml; talos-release keygen makes a key pair.'
          : `Check that you may read ${path}.`,
        cause: error,
      },
    );
  }
  const encrypted = secretKeyIsEncrypted(text, path);
  return parseSecretKey(text, encrypted ? await password(path) : undefined, path);
}
