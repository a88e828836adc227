// Benchmark 6: schematic IDs per second for realistic schematics, from YAML text to ID (decode as
// the factory does, canonical encoding, SHA-256). A sanity figure: a release needs one ID.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeSchematic, encodeCanonical, schematicId } from '../dist/core/schematic/index.js';
import { log } from './lib/log.js';
import { REPO_ROOT } from './lib/paths.js';
import { isMain, runAlone } from './lib/standalone.js';

const RASPBERRY_PI = `overlay:
  image: siderolabs/sbc-raspberrypi
  name: rpi_generic
  options:
    configTxtAppend: |
      dtoverlay=disable-bt
customization:
  extraKernelArgs:
    - console=ttyAMA0,115200
  systemExtensions:
    officialExtensions:
      - siderolabs/iscsi-tools
`;

const SECUREBOOT_WITH_META = `customization:
  extraKernelArgs:
    - net.ifnames=0
  meta:
    - key: 0xa
      value: '{"externalIPs":["1.2.3.4"]}'
  systemExtensions:
    officialExtensions:
      - siderolabs/gvisor
      - siderolabs/intel-ucode
  secureboot:
    includeWellKnownCertificates: true
`;

/**
 * @param {import('./lib/options.js').BenchOptions} options
 * @returns {Promise<import('./lib/rows.js').BenchResult>}
 */
export async function runSchematicIdBench(options) {
  const appliance = await readFile(join(REPO_ROOT, 'schematics/metal-amd64.yaml'), 'utf8');
  const documents = [appliance, RASPBERRY_PI, SECUREBOOT_WITH_META];
  /** @param {string} text */
  const idOf = (text) => schematicId(encodeCanonical(decodeSchematic(text, 'bench.yaml')));
  const expected = documents.map(idOf);
  // A short untimed warm-up, so the figure is the optimised code's, not the interpreter's.
  for (let round = 0; round < 100; round += 1) documents.forEach(idOf);
  log(`schematic IDs: ${options.idSeconds} s`);
  let count = 0;
  const started = performance.now();
  const deadline = started + options.idSeconds * 1000;
  while (performance.now() < deadline) {
    for (const [index, text] of documents.entries()) {
      // Comparing keeps the work observable, so no run can be optimised into nothing.
      if (idOf(text) !== expected[index]) throw new Error('the schematic ID changed between runs');
      count += 1;
    }
  }
  const perSecond = count / ((performance.now() - started) / 1000);
  return {
    name: 'schematic-ids',
    rows: [
      {
        figure: 'schematic IDs per second (YAML → ID)',
        measured: `${Math.round(perSecond).toLocaleString('en-US')}/s`,
        target: 'sanity: a release needs 1',
        verdict: /** @type {const} */ ('info'),
        note: 'appliance, Raspberry Pi overlay, SecureBoot + META schematics',
      },
    ],
    data: { idsPerSecond: perSecond, ids: count, seconds: options.idSeconds },
  };
}

if (isMain(import.meta.url)) await runAlone(runSchematicIdBench);
