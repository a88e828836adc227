// A release cut once with `talos-release --yes` against the stand-in and kept for the benchmark's
// length: publish, bundle and verify --bundle are then measured on it, round after round. Its
// files are listed from its own sums file, so the contenders (skopeo, tar, sha256sum) get
// exactly the files the tool handles.
import { mkdtemp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanEnv } from './clean-env.js';
import { CLI_PATH } from './paths.js';
import { prepareReleaseRoot } from './release-root.js';
import { runTimedOk } from './run-timed.js';

export const RELEASE_VERSION = '0.1.0';

/**
 * @typedef {object} KeptRelease
 * @property {string} root        the repository root (removed with the benchmark's temp dir)
 * @property {string} version     the release version, e.g. 0.1.0
 * @property {string} sumsFile    releases/<v>.sha256sums, relative to root
 * @property {string[]} artifacts the artifacts the sums file lists, relative to root
 * @property {string[]} files     the artifacts plus the release's manifest, sums and provenance
 */

/**
 * @param {string} factoryUrl
 * @param {string} parentDir
 * @param {string} name        names the root directory, e.g. "release-1gib"
 * @param {readonly string[]} [extraFlags]  e.g. --target flags
 * @returns {Promise<KeptRelease>}
 */
export async function cutKeptRelease(factoryUrl, parentDir, name, extraFlags = []) {
  const root = await prepareReleaseRoot(await mkdtemp(join(parentDir, `${name}-`)));
  await runTimedOk(
    `talos-release --yes (${name})`,
    process.execPath,
    [
      CLI_PATH,
      ...['--yes', '--talos-version', 'v1.12.4', '--app-version', '1.0.0'],
      ...['--release-version', RELEASE_VERSION, '--root', root, '--factory-url', factoryUrl],
      ...extraFlags,
    ],
    { env: cleanEnv() },
  );
  const sumsFile = `releases/${RELEASE_VERSION}.sha256sums`;
  const sums = await readFile(join(root, sumsFile), 'utf8');
  // sha256sum's format: "<hex>  <path>" (or "<hex> *<path>" in binary mode).
  const artifacts = sums
    .split('\n')
    .map((line) => /^[0-9a-f]{64} [ *](.+)$/.exec(line)?.[1])
    .filter((path) => path !== undefined);
  if (artifacts.length === 0) throw new Error(`${join(root, sumsFile)} lists no artifacts`);
  const files = [
    ...artifacts,
    `releases/${RELEASE_VERSION}.json`,
    sumsFile,
    `releases/${RELEASE_VERSION}.intoto.json`,
  ];
  return { root, version: RELEASE_VERSION, sumsFile, artifacts, files };
}
