// Benchmark 11 (issue 14): `talos-release bundle <v> --out x.tar` of a release with the "1 GiB"
// of artifacts against `tar cf` of the same files, with bundle's peak RSS; then
// `verify --bundle x.tar` against `sha256sum -c` of the release's sums file. Alternating rounds;
// the disk is settled (sync) between runs, untimed.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanEnv } from './lib/clean-env.js';
import { cliPeakRssSource, cliWithPeakRss } from './lib/cli-peak-rss.js';
import { cutKeptRelease } from './lib/kept-release.js';
import { log } from './lib/log.js';
import { CLI_PATH } from './lib/paths.js';
import { peakRssFrom, withPeakRss } from './lib/peak-rss.js';
import { mebibytes, seconds, sizeLabel, throughput, times, verdict } from './lib/rows.js';
import { runTimedOk } from './lib/run-timed.js';
import { settleDisk } from './lib/settle-disk.js';
import { isMain, runAlone } from './lib/standalone.js';
import { startStandinProcess } from './lib/standin-process.js';
import { median, summarize } from './lib/stats.js';
import { withTempDir } from './lib/temp-dir.js';
import { targetFlags } from './lib/multi-targets.js';

export const MAX_BUNDLE_RATIO = 1.1;
export const MAX_VERIFY_RATIO = 1.0;
export const MAX_BUNDLE_PEAK_RSS_BYTES = 150 * 1024 * 1024;

/** Two artifacts of half the size each: a release ships more than one image. */
const TARGETS = ['metal-amd64.iso', 'nocloud-amd64.raw.xz'];

/** @param {readonly number[]} a @param {readonly number[]} b */
const ratios = (a, b) => a.map((value, index) => value / (b[index] ?? Number.NaN));

/**
 * @param {import('./lib/options.js').BenchOptions} options
 * @returns {Promise<import('./lib/rows.js').BenchResult>}
 */
export async function runBundleBench(options) {
  const perTarget = Math.floor(options.downloadBytes / TARGETS.length);
  const total = perTarget * TARGETS.length;
  const label = sizeLabel(total);
  const standin = await startStandinProcess(perTarget);
  /** @type {Record<string, number[]>} */
  const series = Object.fromEntries(
    ['bundle', 'bundleRss', 'tar', 'verify', 'sha256sum'].map((name) => [name, []]),
  );
  try {
    await withTempDir(options.tmpDir, async (dir) => {
      log(`bundle: cutting a release with ${TARGETS.length} × ${sizeLabel(perTarget)}`);
      const release = await cutKeptRelease(standin.url, dir, 'release', targetFlags(TARGETS));
      const bundlePath = join(dir, 'bundle.tar');
      const tarPath = join(dir, 'plain.tar');
      const env = cleanEnv();

      const bundle = async () => {
        await rm(bundlePath, { force: true });
        const cliArgs = ['bundle', release.version, '--out', bundlePath, '--root', release.root];
        const { command, args } = cliWithPeakRss(cliArgs);
        const run = await runTimedOk('talos-release bundle', command, args, { env });
        const rss = peakRssFrom(run.stderr);
        if (rss === undefined) throw new Error('bundle reported no peak RSS');
        series.bundle?.push(run.ms);
        series.bundleRss?.push(rss);
      };
      // tar runs under GNU time too (when installed), so both pay the same wrapper.
      const tar = async () => {
        await rm(tarPath, { force: true });
        const { command, args } = withPeakRss('tar', [
          'cf',
          tarPath,
          '-C',
          release.root,
          ...release.files,
        ]);
        series.tar?.push((await runTimedOk('tar cf', command, args, { env })).ms);
      };
      const verify = async () => {
        const run = await runTimedOk(
          'talos-release verify --bundle',
          process.execPath,
          [CLI_PATH, 'verify', '--bundle', bundlePath],
          { env },
        );
        series.verify?.push(run.ms);
      };
      const sha256sum = async () => {
        const run = await runTimedOk('sha256sum -c', 'sha256sum', ['-c', release.sumsFile], {
          cwd: release.root,
          env,
        });
        series.sha256sum?.push(run.ms);
      };

      /**
       * @param {Array<[string, () => Promise<void>]>} contenders
       * @param {string} what
       */
      const alternate = async (contenders, what) => {
        log(`${what}: warm-up`);
        for (const [, run] of contenders) {
          await run();
          await settleDisk();
        }
        for (const values of Object.values(series)) values.length = 0;
        for (let round = 0; round < options.bundleReps; round += 1) {
          log(`${what}: round ${round + 1}/${options.bundleReps}`);
          for (let k = 0; k < contenders.length; k += 1) {
            const [, run] = /** @type {[string, () => Promise<void>]} */ (
              contenders[(round + k) % contenders.length]
            );
            await run();
            await settleDisk();
          }
        }
      };

      await alternate(
        [
          ['bundle', bundle],
          ['tar cf', tar],
        ],
        `bundle ${label}`,
      );
      const bundled = { bundle: [...(series.bundle ?? [])], rss: [...(series.bundleRss ?? [])] };
      const tarred = [...(series.tar ?? [])];
      // The bundle from the last round is the one verified, again and again.
      await alternate(
        [
          ['verify --bundle', verify],
          ['sha256sum -c', sha256sum],
        ],
        `verify --bundle ${label}`,
      );
      series.bundle = bundled.bundle;
      series.bundleRss = bundled.rss;
      series.tar = tarred;
    });
  } finally {
    await standin.close();
  }

  const get = (/** @type {string} */ name) => series[name] ?? [];
  const bundleRatio = median(ratios(get('bundle'), get('tar')));
  const verifyRatio = median(ratios(get('verify'), get('sha256sum')));
  const worstRss = Math.max(...get('bundleRss'));
  const what = `${TARGETS.length} × ${sizeLabel(perTarget)}`;
  /** @type {import('./lib/rows.js').Row[]} */
  const rows = [
    {
      figure: `bundle ${label}: tar cf of the same files (baseline)`,
      measured: `${seconds(median(get('tar')))} (${throughput(total, median(get('tar')))})`,
      target: '',
      verdict: 'info',
      note: `${what} artifacts, manifest, sums, provenance; no fsync`,
    },
    {
      figure: `bundle ${label}: talos-release bundle --out x.tar / tar cf`,
      measured: `${times(bundleRatio)} (${seconds(median(get('bundle')))})`,
      target: `≤ ${times(MAX_BUNDLE_RATIO)}`,
      verdict: verdict(bundleRatio <= MAX_BUNDLE_RATIO),
      note: 'spawn to exit; bundle also fetches the installer from the stand-in (a few KiB) and writes its OCI layout',
    },
    {
      figure: `peak RSS, talos-release bundle, ${label} (worst of ${get('bundleRss').length})`,
      measured: mebibytes(worstRss),
      target: `≤ ${mebibytes(MAX_BUNDLE_PEAK_RSS_BYTES)}`,
      verdict: verdict(worstRss <= MAX_BUNDLE_PEAK_RSS_BYTES),
      note: cliPeakRssSource(),
    },
    {
      figure: `verify --bundle ${label}: sha256sum -c of the same files (baseline)`,
      measured: `${seconds(median(get('sha256sum')))} (${throughput(total, median(get('sha256sum')))})`,
      target: '',
      verdict: 'info',
      note: 'the release sums file, from the repository root; files in the page cache',
    },
    {
      figure: `verify --bundle ${label}: talos-release verify --bundle / sha256sum -c`,
      measured: `${times(verifyRatio)} (${seconds(median(get('verify')))})`,
      target: `≤ ${times(MAX_VERIFY_RATIO)}`,
      verdict: verdict(verifyRatio <= MAX_VERIFY_RATIO),
      note: 'spawn to exit; verify also checks every installer blob and the cosign signature offline',
    },
  ];
  return {
    name: 'bundle',
    rows,
    data: {
      unit: 'ms',
      targets: TARGETS,
      sizeBytesPerTarget: perTarget,
      bundle: summarize(get('bundle')),
      tar: summarize(get('tar')),
      bundleRatio: summarize(ratios(get('bundle'), get('tar'))),
      bundlePeakRss: { unit: 'bytes', source: cliPeakRssSource(), ...summarize(get('bundleRss')) },
      verify: summarize(get('verify')),
      sha256sum: summarize(get('sha256sum')),
      verifyRatio: summarize(ratios(get('verify'), get('sha256sum'))),
    },
  };
}

if (isMain(import.meta.url)) await runAlone(runBundleBench);
