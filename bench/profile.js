// `node bench/profile.js <download|dry-run|wizard-import>`: profiles one benchmark's subject with
// `node --cpu-prof` and prints where the time goes (self time per package or file) and how many
// files it loads per package. How the notes in bench/README.md were found, kept reproducible.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { countLoadedFiles } from './lib/loaded-files.js';
import { readOptions } from './lib/options.js';
import { assertBuilt, CLI_PATH, DIST_DIR } from './lib/paths.js';
import { summarizeProfile } from './lib/profile-summary.js';
import { prepareReleaseRoot } from './lib/release-root.js';
import { runTimedOk } from './lib/run-timed.js';
import { cleanEnv } from './lib/clean-env.js';
import { startStandinProcess } from './lib/standin-process.js';
import { withTempDir } from './lib/temp-dir.js';

const WORKER = fileURLToPath(new URL('./lib/download-worker.js', import.meta.url));
const WIZARD = pathToFileURL(join(DIST_DIR, 'components', 'run-wizard.js')).href;
const TOP = 15;

/**
 * Each subject gives the node arguments to profile, given a scratch directory.
 * The download is not re-run to count its files: a second download is what costs, not loading.
 * @type {Record<string, (dir: string) => Promise<{ args: string[], countFiles?: boolean, close?: () => Promise<void> }>>}
 */
const SUBJECTS = {
  async download(dir) {
    const standin = await startStandinProcess(readOptions().downloadBytes);
    return {
      args: [WORKER, standin.isoUrl, join(dir, 'profile.iso'), 'progress'],
      close: () => standin.close(),
    };
  },
  async 'dry-run'(dir) {
    const root = await prepareReleaseRoot(join(dir, 'root'));
    const flags = ['--dry-run', '--talos-version', 'v1.12.4', '--app-version', '1.0.0'];
    return {
      args: [CLI_PATH, ...flags, '--root', root, '--factory-url', 'http://127.0.0.1:9'],
      countFiles: true,
    };
  },
  async 'wizard-import'() {
    return {
      args: ['--input-type=module', '-e', `await import(${JSON.stringify(WIZARD)})`],
      countFiles: true,
    };
  },
};

/** @param {string} name */
async function profile(name) {
  const subject = SUBJECTS[name];
  if (!subject) {
    throw new Error(
      `unknown subject "${name}"; choose one of: ${Object.keys(SUBJECTS).join(', ')}`,
    );
  }
  await withTempDir(readOptions().tmpDir, async (dir) => {
    const { args, countFiles, close } = await subject(dir);
    try {
      const profiles = join(dir, 'profiles');
      await runTimedOk(
        `profiling ${name}`,
        process.execPath,
        ['--cpu-prof', `--cpu-prof-dir=${profiles}`, ...args],
        { env: cleanEnv() },
      );
      const [file] = await readdir(profiles);
      if (!file) throw new Error(`node wrote no profile for ${name}`);
      const { spanMs, groups } = await summarizeProfile(join(profiles, file));
      process.stdout.write(
        `${name}: ${Math.round(spanMs)} ms profiled; self time, largest first:\n`,
      );
      for (const group of groups.slice(0, TOP)) {
        process.stdout.write(`  ${group.ms.toFixed(0).padStart(6)} ms  ${group.name}\n`);
      }
      if (!countFiles) return;
      const loaded = await countLoadedFiles(args);
      process.stdout.write(`\nfiles loaded: ${loaded.total}\n`);
      for (const entry of loaded.byPackage.slice(0, TOP)) {
        process.stdout.write(`  ${String(entry.files).padStart(6)}  ${entry.name}\n`);
      }
    } finally {
      await close?.();
    }
  });
}

try {
  assertBuilt();
  await profile(process.argv[2] ?? '');
} catch (error) {
  process.stderr.write(
    `profile failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
