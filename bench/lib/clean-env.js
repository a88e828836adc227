// The environment every measured child gets: no proxy variables (a loopback benchmark must not
// detour through one, for curl or for the engine) and no CI flag changing the wizard's output.

const DROPPED = /^(https?_proxy|all_proxy|no_proxy|ci)$/i;

/** @param {NodeJS.ProcessEnv} [extra] @returns {NodeJS.ProcessEnv} */
export function cleanEnv(extra = {}) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!DROPPED.test(name)) env[name] = value;
  }
  return { ...env, ...extra };
}
