// Benchmark 10 (issue 13): `talos-release publish` into a real registry (docker-registry, plain
// http on loopback) against skopeo copying the same release artifact from a `dir:` layout, in
// alternating rounds; publishing the same release again (every blob already there); the peak RSS
// of publish at the "1 GiB" and "2 GiB" ISO; and mirroring an installer against
// `skopeo copy --all --preserve-digests`. Every timed push goes to a registry started for that
// run alone, so no contender finds a blob it could skip.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cleanEnv } from './lib/clean-env.js';
import { cliPeakRssSource, cliWithPeakRss } from './lib/cli-peak-rss.js';
import { withFreshRegistry } from './lib/docker-registry.js';
import { cutKeptRelease } from './lib/kept-release.js';
import { log } from './lib/log.js';
import { CLI_PATH } from './lib/paths.js';
import { peakRssFrom } from './lib/peak-rss.js';
import { manifestDigest } from './lib/registry-digest.js';
import { mebibytes, millis, seconds, sizeLabel, throughput, times, verdict } from './lib/rows.js';
import { runTimedOk } from './lib/run-timed.js';
import { settleDisk } from './lib/settle-disk.js';
import { requireSkopeo } from './lib/skopeo.js';
import { isMain, runAlone } from './lib/standalone.js';
import { startStandinProcess } from './lib/standin-process.js';
import { median, summarize } from './lib/stats.js';
import { withTempDir } from './lib/temp-dir.js';

export const MAX_PUBLISH_RATIO = 1.0;
export const MAX_REPUBLISH_MS = 1000;
export const MAX_MIRROR_RATIO = 1.0;
export const MAX_PUBLISH_PEAK_RSS_BYTES = 150 * 1024 * 1024;
export const MAX_PUBLISH_GROWTH = 0.1;

/** The release for the mirror race: a 1 MiB ISO, so the installer is the only thing to copy. */
const MIRROR_ISO_BYTES = 1024 * 1024;
const PREFIX = 'bench/appliance';
const RELEASE_REPOSITORY = `${PREFIX}/release`;

/**
 * `talos-release publish` of a kept release, spawn to exit.
 * @param {import('./lib/kept-release.js').KeptRelease} release
 * @param {string} host
 * @param {boolean} [measureRss]  under GNU time (or the preloaded probe)
 */
async function toolPublish(release, host, measureRss = false) {
  const cliArgs = ['publish', release.version, '--to', `${host}/${PREFIX}`, '--insecure-registry'];
  cliArgs.push('--root', release.root);
  const { command, args } = measureRss
    ? cliWithPeakRss(cliArgs)
    : { command: process.execPath, args: [CLI_PATH, ...cliArgs] };
  const run = await runTimedOk('talos-release publish', command, args, { env: cleanEnv() });
  return { ms: run.ms, maxRssBytes: peakRssFrom(run.stderr) };
}

/**
 * @param {readonly string[]} args
 * @param {string} what
 */
async function skopeo(args, what) {
  const run = await runTimedOk(what, requireSkopeo(), args, { env: cleanEnv() });
  return run.ms;
}

/** @param {import('./lib/kept-release.js').KeptRelease} release */
async function recordedInstaller(release) {
  const manifest = JSON.parse(
    await readFile(join(release.root, 'releases', `${release.version}.json`), 'utf8'),
  );
  const installer = manifest.installers?.[0] ?? manifest.os?.installer;
  if (!installer?.image || !installer?.digest) {
    throw new Error(`release ${release.version} in ${release.root} pinned no installer digest`);
  }
  /** @type {{ image: string, digest: string }} */
  const pinned = { image: installer.image, digest: installer.digest };
  const repository = /^[^/]+\/([^/]+)\//.exec(pinned.image)?.[1];
  if (!repository) throw new Error(`cannot read the repository of ${pinned.image}`);
  const tag = /:([^:/@]+)(?:@|$)/.exec(pinned.image)?.[1] ?? 'latest';
  // skopeo reads the installer by its tag at the stand-in, as `publish` does by digest.
  return { ...pinned, source: pinned.image.replace(/@sha256:[0-9a-f]{64}$/, ''), repository, tag };
}

/**
 * Runs contenders in alternating order, round by round, settling the disk after each.
 * @param {number} rounds
 * @param {Array<[string, () => Promise<void>]>} contenders
 * @param {string} label
 */
async function alternate(rounds, contenders, label) {
  for (let round = 0; round < rounds; round += 1) {
    log(`${label}: round ${round + 1}/${rounds}`);
    for (let k = 0; k < contenders.length; k += 1) {
      const [, run] = /** @type {[string, () => Promise<void>]} */ (
        contenders[(round + k) % contenders.length]
      );
      await run();
      await settleDisk();
    }
  }
}

/** @param {readonly number[]} a @param {readonly number[]} b */
const ratios = (a, b) => a.map((value, index) => value / (b[index] ?? Number.NaN));

/** @param {number} growth */
const signedPercent = (growth) => `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)}%`;

/**
 * @param {import('./lib/options.js').BenchOptions} options
 * @returns {Promise<import('./lib/rows.js').BenchResult>}
 */
export async function runPublishBench(options) {
  requireSkopeo();
  const sizes = [options.downloadBytes, options.largeBytes];
  const label = sizeLabel(options.downloadBytes);
  const standins = await Promise.all(
    [...sizes, MIRROR_ISO_BYTES].map((size) => startStandinProcess(size)),
  );
  const [standin, largeStandin, mirrorStandin] = standins;
  if (!standin || !largeStandin || !mirrorStandin) throw new Error('a stand-in did not start');
  /** @type {Record<string, number[]>} */
  const series = Object.fromEntries(
    ['publish', 'skopeo', 'republish', 'mirror', 'mirrorSkopeo'].map((name) => [name, []]),
  );
  /** @type {number[][]} */
  const peaks = sizes.map(() => []);
  try {
    await withTempDir(options.tmpDir, async (dir) => {
      log(
        `publish: cutting releases with a ${label}, a ${sizeLabel(sizes[1] ?? 0)} and a 1 MiB ISO`,
      );
      const release = await cutKeptRelease(standin.url, dir, 'release-small');
      const large = await cutKeptRelease(largeStandin.url, dir, 'release-large');
      const mirrorRelease = await cutKeptRelease(mirrorStandin.url, dir, 'release-mirror');
      const layout = join(dir, 'skopeo-dir');

      // Warm-up, untimed: one publish, from which skopeo makes its dir: layout of the very same
      // artifact; one skopeo push of that layout, which must land at the tool's manifest digest.
      log(`publish ${label}: warm-up, and the skopeo dir: layout of the published artifact`);
      const published = await withFreshRegistry(dir, async (registry) => {
        await toolPublish(release, registry.host);
        await skopeo(
          ['copy', '--src-tls-verify=false'].concat([
            `docker://${registry.host}/${RELEASE_REPOSITORY}:${release.version}`,
            `dir:${layout}`,
          ]),
          'skopeo copy docker:// dir:',
        );
        return manifestDigest(registry.host, RELEASE_REPOSITORY, release.version);
      });
      await settleDisk();
      const skopeoPush = (/** @type {string} */ host) =>
        skopeo(
          ['copy', '--dest-tls-verify=false', `dir:${layout}`].concat([
            `docker://${host}/${RELEASE_REPOSITORY}:x`,
          ]),
          'skopeo copy dir: docker://',
        );
      await withFreshRegistry(dir, async (registry) => {
        await skopeoPush(registry.host);
        const pushed = await manifestDigest(registry.host, RELEASE_REPOSITORY, 'x');
        if (pushed !== published) {
          throw new Error(
            `skopeo pushed ${pushed}, talos-release ${published}: not the same content`,
          );
        }
      });
      await settleDisk();

      await alternate(
        options.publishReps,
        [
          [
            'talos-release publish',
            () =>
              withFreshRegistry(dir, async (registry) => {
                series.publish?.push((await toolPublish(release, registry.host)).ms);
                // Again, into the registry that now holds everything: only HEADs and tags.
                series.republish?.push((await toolPublish(release, registry.host)).ms);
              }),
          ],
          [
            'skopeo copy dir:',
            () =>
              withFreshRegistry(dir, async (registry) => {
                series.skopeo?.push(await skopeoPush(registry.host));
              }),
          ],
        ],
        `publish ${label}`,
      );

      for (let round = 0; round < options.memoryReps; round += 1) {
        for (const [index, kept] of [release, large].entries()) {
          log(
            `publish memory ${sizeLabel(sizes[index] ?? 0)}: run ${round + 1}/${options.memoryReps}`,
          );
          await withFreshRegistry(dir, async (registry) => {
            const run = await toolPublish(kept, registry.host, true);
            if (run.maxRssBytes === undefined) throw new Error('publish reported no peak RSS');
            peaks[index]?.push(run.maxRssBytes);
          });
          await settleDisk();
        }
      }

      const installer = await recordedInstaller(mirrorRelease);
      const mirrorSkopeo = (/** @type {string} */ host) =>
        skopeo(
          ['copy', '--all', '--preserve-digests', '--src-tls-verify=false']
            .concat(['--dest-tls-verify=false', `docker://${installer.source}`])
            .concat([`docker://${host}/${PREFIX}/${installer.repository}:${installer.tag}`]),
          'skopeo copy --all',
        );
      log('mirror an installer: warm-up');
      await withFreshRegistry(dir, async (registry) => {
        await toolPublish(mirrorRelease, registry.host);
      });
      await withFreshRegistry(dir, async (registry) => {
        await mirrorSkopeo(registry.host);
        const mirrored = await manifestDigest(
          registry.host,
          `${PREFIX}/${installer.repository}`,
          installer.tag,
        );
        if (mirrored !== installer.digest) {
          throw new Error(`skopeo mirrored ${mirrored}, the release pinned ${installer.digest}`);
        }
      });
      await alternate(
        options.publishReps,
        [
          [
            'talos-release publish',
            () =>
              withFreshRegistry(dir, async (registry) => {
                series.mirror?.push((await toolPublish(mirrorRelease, registry.host)).ms);
              }),
          ],
          [
            'skopeo copy --all',
            () =>
              withFreshRegistry(dir, async (registry) => {
                series.mirrorSkopeo?.push(await mirrorSkopeo(registry.host));
              }),
          ],
        ],
        'mirror an installer',
      );
    });
  } finally {
    await Promise.all(standins.map((running) => running.close()));
  }

  const get = (/** @type {string} */ name) => series[name] ?? [];
  const publishRatio = median(ratios(get('publish'), get('skopeo')));
  const mirrorRatio = median(ratios(get('mirror'), get('mirrorSkopeo')));
  const republish = median(get('republish'));
  const [small = 0, big = 0] = peaks.map((values) => Math.max(...values));
  const [smallTypical = 0, bigTypical = 0] = peaks.map((values) => median(values));
  const growth = (bigTypical - smallTypical) / smallTypical;
  const rssSource = cliPeakRssSource();
  /** @type {import('./lib/rows.js').Row[]} */
  const rows = [
    {
      figure: `publish ${label} ISO: skopeo copy dir: → registry (baseline)`,
      measured: `${seconds(median(get('skopeo')))} (${throughput(options.downloadBytes, median(get('skopeo')))})`,
      target: '',
      verdict: 'info',
      note: 'the same release artifact (same manifest digest), a fresh docker-registry per run',
    },
    {
      figure: `publish ${label} ISO: talos-release publish / skopeo copy dir:`,
      measured: `${times(publishRatio)} (${seconds(median(get('publish')))})`,
      target: `≤ ${times(MAX_PUBLISH_RATIO)}`,
      verdict: verdict(publishRatio <= MAX_PUBLISH_RATIO),
      note: 'spawn to exit; publish also checks tags and the cosign signature and mirrors the (small) installer',
    },
    {
      figure: `publish ${label} ISO again (every blob present)`,
      measured: `${millis(republish)} (worst ${millis(Math.max(...get('republish')))})`,
      target: `≤ ${millis(MAX_REPUBLISH_MS)}`,
      verdict: verdict(republish <= MAX_REPUBLISH_MS),
      note: 'spawn to exit, same registry and prefix right after the first publish',
    },
    ...sizes.map((size, index) => {
      const peak = index === 0 ? small : big;
      return {
        figure: `peak RSS, talos-release publish, ${sizeLabel(size)} ISO (worst of ${peaks[index]?.length ?? 0})`,
        measured: mebibytes(peak),
        target: `≤ ${mebibytes(MAX_PUBLISH_PEAK_RSS_BYTES)}`,
        verdict: verdict(peak <= MAX_PUBLISH_PEAK_RSS_BYTES),
        note: `${rssSource}; into a fresh registry`,
      };
    }),
    {
      figure: `peak RSS, talos-release publish, ${sizeLabel(sizes[1] ?? 0)} vs ${label} (medians)`,
      measured: signedPercent(growth),
      target: `within ±${MAX_PUBLISH_GROWTH * 100}%`,
      verdict: verdict(Math.abs(growth) <= MAX_PUBLISH_GROWTH),
      note: `${mebibytes(smallTypical)} vs ${mebibytes(bigTypical)}`,
    },
    {
      figure: 'mirror an installer: skopeo copy --all --preserve-digests (baseline)',
      measured: millis(median(get('mirrorSkopeo'))),
      target: '',
      verdict: 'info',
      note: "from the stand-in's registry to a fresh docker-registry, landing at the pinned digest",
    },
    {
      figure: 'mirror an installer: talos-release publish / skopeo copy --all',
      measured: `${times(mirrorRatio)} (${millis(median(get('mirror')))})`,
      target: `≤ ${times(MAX_MIRROR_RATIO)}`,
      verdict: verdict(mirrorRatio <= MAX_MIRROR_RATIO),
      note: "the stand-in's installer is a few KiB held in memory, so this is per-request cost, not bandwidth; publish also verifies and copies the cosign signature and pushes a 1 MiB ISO",
    },
  ];
  return {
    name: 'publish',
    rows,
    data: {
      unit: 'ms',
      sizeBytes: options.downloadBytes,
      publish: summarize(get('publish')),
      skopeoDir: summarize(get('skopeo')),
      publishRatio: summarize(ratios(get('publish'), get('skopeo'))),
      republish: summarize(get('republish')),
      peakRss: {
        source: rssSource,
        unit: 'bytes',
        sizes: sizes.map((size, index) => ({ sizeBytes: size, ...summarize(peaks[index] ?? []) })),
        growth,
      },
      mirror: summarize(get('mirror')),
      mirrorSkopeo: summarize(get('mirrorSkopeo')),
      mirrorRatio: summarize(ratios(get('mirror'), get('mirrorSkopeo'))),
    },
  };
}

if (isMain(import.meta.url)) await runAlone(runPublishBench);
