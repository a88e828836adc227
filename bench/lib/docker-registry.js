// A throw-away real registry (Debian's CNCF distribution, `docker-registry`) for the publish and
// mirror benchmarks: plain http on a free loopback port, storage in a directory of its own that
// close() removes. The JS twin of test/e2e/helpers/docker-registry.ts, without auth, TLS or
// restarts: a benchmark wants a fresh, empty registry per run, so no blob is ever skipped.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const DOCKER_REGISTRY_BIN = '/usr/bin/docker-registry';
export const hasDockerRegistry = () => existsSync(DOCKER_REGISTRY_BIN);

/**
 * @typedef {object} BenchRegistry
 * @property {string} host     127.0.0.1:<port>
 * @property {string} rootDir  the registry's storage
 * @property {() => Promise<void>} close  stops it and removes its storage
 */

/** A free loopback port: listen on 0, note the port, close. @returns {Promise<number>} */
async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return port;
}

/** @param {string} rootDir @param {number} port */
const configYaml = (rootDir, port) =>
  [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(rootDir)}`,
    'http:',
    `  addr: 127.0.0.1:${port}`,
    `  secret: ${randomBytes(16).toString('hex')}`,
    '',
  ].join('\n');

/** @param {string} url @returns {Promise<number | undefined>} */
function statusOf(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', () => resolve(undefined));
    request.setTimeout(1000, () => request.destroy());
  });
}

/**
 * @param {string} parentDir  where the registry's directory is made (BENCH_TMPDIR or the temp dir)
 * @returns {Promise<BenchRegistry>}
 */
export async function startBenchRegistry(parentDir) {
  if (!hasDockerRegistry()) {
    throw new Error(
      `${DOCKER_REGISTRY_BIN} is not installed; apt-get install -y docker-registry (the publish benchmarks need a real registry)`,
    );
  }
  const dir = await mkdtemp(join(parentDir, 'registry-'));
  const rootDir = join(dir, 'storage');
  await mkdir(rootDir);
  for (let attempt = 0; ; attempt += 1) {
    const port = await freePort();
    const configPath = join(dir, 'config.yml');
    await writeFile(configPath, configYaml(rootDir, port));
    let output = '';
    const child = spawn(DOCKER_REGISTRY_BIN, ['serve', configPath], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (/** @type {Buffer} */ chunk) => (output = `${output}${chunk}`.slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const deadline = Date.now() + 15_000;
    let ready = false;
    while (!ready && child.exitCode === null && child.signalCode === null) {
      const status = await statusOf(`http://127.0.0.1:${port}/v2/`);
      ready = status === 200;
      if (!ready && Date.now() > deadline) break;
      if (!ready) await sleep(50);
    }
    if (ready) {
      return {
        host: `127.0.0.1:${port}`,
        rootDir,
        close: async () => {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM');
            await exited;
          }
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
    child.kill('SIGKILL');
    await exited;
    // Another process took the port between the probe and the registry's bind: try another.
    if (attempt < 5 && /address already in use/i.test(output)) continue;
    await rm(dir, { recursive: true, force: true });
    throw new Error(`docker-registry did not answer on 127.0.0.1:${port}: ${output.trim()}`);
  }
}

/**
 * A fresh registry for one run, closed afterwards also when the run fails.
 * @template T
 * @param {string} parentDir
 * @param {(registry: BenchRegistry) => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withFreshRegistry(parentDir, use) {
  const registry = await startBenchRegistry(parentDir);
  try {
    return await use(registry);
  } finally {
    await registry.close();
  }
}
