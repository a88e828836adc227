// What the figures were measured on: without the machine and its load they mean little.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

/** @param {string} command @param {string[]} args */
function versionOf(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8' }).split('\n')[0]?.trim() ?? 'unknown';
  } catch {
    return 'not installed';
  }
}

export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    curl: versionOf('curl', ['--version']),
    openssl: versionOf('openssl', ['version']),
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
  };
}

/** @param {ReturnType<typeof describeMachine>} machine */
export function machineLine(machine) {
  const gib = (machine.memoryBytes / 1024 ** 3).toFixed(0);
  return `${machine.cpu}, ${machine.cores} cores, ${gib} GiB RAM, ${machine.platform}, Node ${machine.node}`;
}
