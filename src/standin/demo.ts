// `npm run demo`: the whole flow offline. Starts the stand-in as a newcomer would meet the real
// factory (a realistic ISO size, redirect delivery so resuming works, a short cold build), puts
// the in-repo schematic in a throw-away project directory, and runs the CLI against both.
import { spawn } from 'node:child_process';
import { constants as osConstants, tmpdir } from 'node:os';
import { copyFile, mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStandin } from './server.js';

const DEMO_IMAGE_SIZE = 200 * 1024 * 1024;
const DEMO_BUILD_DELAY_MS = 2_000;
// dist/standin/demo.js (and src/standin/demo.ts) sit two levels below the repository root.
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function prepareWorkdir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'talos-release-demo-'));
  await mkdir(join(dir, 'schematics'));
  await mkdir(join(dir, 'releases'));
  await copyFile(
    join(REPO_ROOT, 'schematics', 'metal-amd64.yaml'),
    join(dir, 'schematics', 'metal-amd64.yaml'),
  );
  return dir;
}

/** Ctrl-C in a terminal already reaches the child (same process group), and the CLI treats a
 * second SIGINT as fatal, so a terminal's SIGINT is forwarded only if the child outlives a grace
 * period; a SIGINT from elsewhere (kill, CI) reaches only the demo and is forwarded at once. */
const FORWARD_GRACE_MS = 2_000;

function runCli(args: readonly string[]): Promise<number> {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), ...args], {
    stdio: 'inherit',
  });
  let graceTimer: NodeJS.Timeout | undefined;
  const forward = (): void => {
    if (!process.stdin.isTTY) {
      child.kill('SIGINT');
      return;
    }
    graceTimer ??= setTimeout(() => child.kill('SIGINT'), FORWARD_GRACE_MS);
  };
  process.on('SIGINT', forward);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      clearTimeout(graceTimer);
      const signalNumber = signal ? (osConstants.signals[signal] ?? 1) : 0;
      resolve(code ?? 128 + signalNumber);
    });
  });
}

async function main(extraArgs: readonly string[]): Promise<number> {
  const standin = await startStandin({
    imageSize: DEMO_IMAGE_SIZE,
    imageDelivery: 'redirect',
    buildDelayMs: DEMO_BUILD_DELAY_MS,
  });
  try {
    const dir = await prepareWorkdir();
    process.stderr.write(
      [
        `demo: started a local Image Factory stand-in at ${standin.url} (no network needed)`,
        `demo: prepared a throw-away project in ${dir}`,
        '        schematics/metal-amd64.yaml (copied from this repository) and an empty releases/',
        `demo: running talos-release --root ${dir} --factory-url ${standin.url} ${extraArgs.join(' ')}`.trimEnd(),
        '',
      ].join('\n'),
    );
    const code = await runCli(['--root', dir, '--factory-url', standin.url, ...extraArgs]);
    process.stderr.write(
      `demo: talos-release exited with code ${code}; the project stays in ${dir}\n`,
    );
    return code;
  } finally {
    await standin.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `demo: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
