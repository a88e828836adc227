// Starts bench/lib/standin-child.js and hands back its URLs; close() ends it and waits.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./standin-child.js', import.meta.url));

/**
 * @typedef {object} StandinProcess
 * @property {string} url     the factory's base URL
 * @property {string} isoUrl  a vanilla metal-amd64 ISO of the requested size
 * @property {number} pid
 * @property {() => Promise<void>} close
 */

/**
 * @param {number} imageSize  bytes of every /image asset
 * @returns {Promise<StandinProcess>}
 */
export async function startStandinProcess(imageSize) {
  const child = spawn(process.execPath, [CHILD, String(imageSize)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const lines = createInterface({ input: child.stdout });
  const first = await new Promise((resolve, reject) => {
    lines.once('line', resolve);
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`the stand-in exited with ${code} before listening (see its stderr above)`)),
    );
  });
  lines.close();
  const { url, isoUrl } = JSON.parse(String(first));
  return {
    url,
    isoUrl,
    pid: /** @type {number} */ (child.pid),
    close: async () => {
      child.stdin.end();
      await exited;
    },
  };
}
