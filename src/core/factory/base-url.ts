// Which factory to talk to: --factory-url, else TALOS_FACTORY_URL, else the community factory.
import { UserInputError } from '../errors.js';
import { assertAllowedUrl } from '../http/index.js';

export const DEFAULT_FACTORY_URL = 'https://factory.talos.dev';

/** The chosen factory URL, checked (https, or http to loopback) and without a trailing slash. */
export function resolveFactoryUrl(flag?: string, env: NodeJS.ProcessEnv = {}): string {
  const fromFlag = flag?.trim();
  const fromEnv = env['TALOS_FACTORY_URL']?.trim();
  const chosen = fromFlag || fromEnv || DEFAULT_FACTORY_URL;
  const what = fromFlag ? '--factory-url' : fromEnv ? 'TALOS_FACTORY_URL' : 'factory URL';
  const url = assertAllowedUrl(chosen, what);
  // The URL is printed in messages and recorded in every manifest: it must carry no secret.
  if (url.username || url.password) {
    throw new UserInputError(`${what} must not contain a user name or password`, {
      hint: 'The community factory needs no credentials; give the URL without user:password@.',
    });
  }
  url.search = '';
  url.hash = '';
  return url.href.replace(/\/+$/, '');
}
