// A whole `talos-release --yes` release against the stand-in, in a fresh root: the process an
// operator's CI runs, so its peak RSS includes everything the tool loads around the download.
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanEnv } from './clean-env.js';
import { CLI_PATH } from './paths.js';
import { peakRssFrom, withPeakRss } from './peak-rss.js';
import { prepareReleaseRoot } from './release-root.js';
import { runTimedOk } from './run-timed.js';

/**
 * @param {string} factoryUrl
 * @param {string} parentDir  a scratch directory; the root made inside it is removed afterwards
 * @param {readonly string[]} [extraFlags]  e.g. several --target flags
 * @returns {Promise<{ ms: number, maxRssBytes: number | undefined }>}
 */
export async function releaseWithYes(factoryUrl, parentDir, extraFlags = []) {
  const root = await prepareReleaseRoot(await mkdtemp(join(parentDir, 'root-')));
  try {
    const flags = ['--yes', '--talos-version', 'v1.12.4', '--app-version', '1.0.0'];
    const { command, args } = withPeakRss(process.execPath, [
      CLI_PATH,
      ...flags,
      '--root',
      root,
      '--factory-url',
      factoryUrl,
      ...extraFlags,
    ]);
    const run = await runTimedOk('talos-release --yes', command, args, { env: cleanEnv() });
    return { ms: run.ms, maxRssBytes: peakRssFrom(run.stderr) };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
