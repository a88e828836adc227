// `npm run bench`: every benchmark in one run on one machine, then one table, bench/results.json
// and (at the sizes) the table in bench/README.md. The quick ones go first, so a broken
// set-up shows before minutes of downloading.
import { writeFile } from 'node:fs/promises';
import { runBundleBench } from './bundle.js';
import { runDownloadBench } from './download.js';
import { runDryRunBench } from './dry-run.js';
import { log } from './lib/log.js';
import { describeMachine, machineLine } from './lib/machine.js';
import { readOptions } from './lib/options.js';
import { assertBuilt, README_PATH, RESULTS_PATH } from './lib/paths.js';
import { replaceResultsBlock } from './lib/readme.js';
import { formatTable } from './lib/table.js';
import { runMemoryBench } from './memory.js';
import { runMultiDownloadBench } from './multi-download.js';
import { runMultiMemoryBench } from './multi-memory.js';
import { runMultiWizardBench } from './multi-wizard.js';
import { runPublishBench } from './publish.js';
import { runSchematicIdBench } from './schematic-ids.js';
import { runStartupBench } from './startup.js';
import { runWizardMemoryBench } from './wizard-memory.js';
import { runWizardBench } from './wizard.js';

/** @type {Array<{ name: string, run: (options: import('./lib/options.js').BenchOptions) => Promise<import('./lib/rows.js').BenchResult> }>} */
const BENCHMARKS = [
  { name: 'schematic IDs', run: runSchematicIdBench },
  { name: 'start-up', run: runStartupBench },
  { name: 'offline --dry-run', run: runDryRunBench },
  { name: 'wizard first screen', run: runWizardBench },
  { name: 'download', run: runDownloadBench },
  { name: 'memory', run: runMemoryBench },
  { name: 'wizard memory', run: runWizardMemoryBench },
  { name: 'multi-target download', run: runMultiDownloadBench },
  { name: 'multi-target memory', run: runMultiMemoryBench },
  { name: 'multi-target wizard keys', run: runMultiWizardBench },
  { name: 'publish', run: runPublishBench },
  { name: 'bundle', run: runBundleBench },
];

/**
 * A broken benchmark becomes a failed row, so the others still run and the table says which.
 * @param {(typeof BENCHMARKS)[number]} bench
 * @param {import('./lib/options.js').BenchOptions} options
 * @returns {Promise<import('./lib/rows.js').BenchResult>}
 */
async function runOne(bench, options) {
  try {
    return await bench.run(options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${bench.name} failed: ${message}\n`);
    process.exitCode = 1;
    return {
      name: bench.name,
      rows: [
        {
          figure: bench.name,
          measured: 'failed',
          target: '',
          verdict: 'miss',
          note: message.split('\n')[0] ?? '',
        },
      ],
      data: { error: message },
    };
  }
}

/** @param {readonly import('./lib/rows.js').Row[]} rows */
function verdictSummary(rows) {
  const judged = rows.filter((row) => row.verdict !== 'info');
  const missed = judged.filter((row) => row.verdict === 'miss');
  const met = `${judged.length - missed.length} of ${judged.length} targets met`;
  return missed.length === 0
    ? `${met}.`
    : `${met}; missed: ${missed.map((row) => row.figure).join('; ')}.`;
}

async function main() {
  assertBuilt();
  const options = readOptions();
  const machine = describeMachine();
  const started = new Date();
  log(`${machineLine(machine)}; scale ${options.scale}`);
  /** @type {import('./lib/rows.js').BenchResult[]} */
  const results = [];
  for (const bench of BENCHMARKS) results.push(await runOne(bench, options));
  const rows = results.flatMap((result) => result.rows);
  const table = formatTable(rows);
  const summary = verdictSummary(rows);
  process.stdout.write(`${table}\n\n${summary}\n`);

  const finished = new Date();
  const report = {
    date: started.toISOString(),
    durationSeconds: Math.round((finished.getTime() - started.getTime()) / 1000),
    machine: { ...machine, loadAverageAtEnd: describeMachine().loadAverage },
    options,
    rows,
    benchmarks: Object.fromEntries(results.map((result) => [result.name, result.data])),
  };
  await writeFile(RESULTS_PATH, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
  log(`wrote ${RESULTS_PATH}`);
  if (options.scale !== 1) {
    log(`BENCH_SCALE=${options.scale}: bench/README.md keeps the table of the last full run`);
    return;
  }
  const block = [
    `Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machineLine(machine)}`,
    `(load average ${machine.loadAverage.join(' / ')} at the start). Times are medians; memory`,
    'ceilings are judged on the worst run.',
    '',
    table,
    '',
    summary,
  ].join('\n');
  if (await replaceResultsBlock(README_PATH, block)) log(`updated the table in ${README_PATH}`);
  else log(`${README_PATH} has no results markers; the table was not written there`);
}

main().catch((error) => {
  process.stderr.write(
    `npm run bench failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
