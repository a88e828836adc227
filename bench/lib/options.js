// How big and how many: one place that reads BENCH_SCALE and friends, so a quick run on a busy
// machine (BENCH_SCALE=0.0625: 64 MiB and 128 MiB) exercises exactly the code of the full run.
import { existsSync } from 'node:fs';

const MIB = 1024 * 1024;

/**
 * @typedef {object} BenchOptions
 * @property {number} scale          multiplier of the download sizes (1 = the sizes)
 * @property {number} downloadBytes  the "1 GiB" artifact at scale 1
 * @property {number} largeBytes     the "2 GiB" artifact at scale 1
 * @property {number} targetBytes    each of the multi-target downloads, 256 MiB at scale 1
 * @property {number} largeTargetBytes  each target of the larger multi-target release, 512 MiB
 * @property {number} downloadReps   alternating rounds of the download comparison
 * @property {number} memoryReps     rounds of the 1 GiB / 2 GiB memory pair
 * @property {number} startupReps    rounds of the start-up comparison
 * @property {number} dryRunReps
 * @property {number} wizardReps
 * @property {number} publishReps    alternating rounds of the publish and mirror comparisons
 * @property {number} bundleReps     alternating rounds of the bundle and verify --bundle comparisons
 * @property {number} idSeconds      how long the schematic ID loop runs
 * @property {string | undefined} tmpDir  where downloads go (default: the system temp directory)
 */

/**
 * @param {string} name
 * @param {number} fallback
 * @returns {number}
 */
function positiveNumber(name, fallback) {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name}=${text} is not a positive number; unset it or pass e.g. ${name}=1`);
  }
  return value;
}

/** @returns {string | undefined} */
function tmpDirOption() {
  const dir = process.env.BENCH_TMPDIR;
  if (!dir) return undefined;
  if (!existsSync(dir)) {
    throw new Error(`BENCH_TMPDIR=${dir} does not exist; create it or unset BENCH_TMPDIR`);
  }
  return dir;
}

/** @returns {BenchOptions} */
export function readOptions() {
  const scale = positiveNumber('BENCH_SCALE', 1);
  const reps = (/** @type {string} */ name, /** @type {number} */ fallback) =>
    Math.max(1, Math.round(positiveNumber(name, positiveNumber('BENCH_REPS', fallback))));
  // Whole MiB keep the sizes readable in the table and aligned with the stand-in's 1 MiB chunks.
  const mib = (/** @type {number} */ full) => Math.max(1, Math.round(full * scale)) * MIB;
  return {
    scale,
    downloadBytes: mib(1024),
    largeBytes: mib(2048),
    targetBytes: mib(256),
    largeTargetBytes: mib(512),
    downloadReps: reps('BENCH_DOWNLOAD_REPS', 5),
    memoryReps: reps('BENCH_MEMORY_REPS', 3),
    startupReps: reps('BENCH_STARTUP_REPS', 15),
    dryRunReps: reps('BENCH_DRY_RUN_REPS', 9),
    wizardReps: reps('BENCH_WIZARD_REPS', 5),
    publishReps: reps('BENCH_PUBLISH_REPS', 5),
    bundleReps: reps('BENCH_BUNDLE_REPS', 5),
    idSeconds: positiveNumber('BENCH_ID_SECONDS', 2),
    tmpDir: tmpDirOption(),
  };
}
