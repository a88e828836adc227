// `npm run factory` and `npm run demo` run the built files; like test/e2e, these tests spawn
// dist/ (npm test builds first).
import { execFile, spawn } from 'node:child_process';
import { readFile, readdir, rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { send } from './helpers.js';

const run = promisify(execFile);
const dist = (file: string): string =>
  new URL(`../../dist/standin/${file}`, import.meta.url).pathname;

describe('npm run factory', () => {
  it('prints both URLs, serves until SIGTERM, then exits 0', async () => {
    const child = spawn(process.execPath, [dist('main.js'), '--image-size', '1024'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    await expect.poll(() => stdout, { timeout: 20_000 }).toMatch(/Installer registry.*\n/);
    const factoryUrl = /listening on (http:\S+)/.exec(stdout)?.[1] ?? '';
    const registryUrl =
      /Installer registry \(redirect mode\) on (http:\S+)/.exec(stdout)?.[1] ?? '';
    expect((await send(`${factoryUrl}/healthz`)).status).toBe(200);
    expect((await send(`${registryUrl}/v2/`)).status).toBe(401);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('Stand-in stopped.');
  });

  it('exits 2 with the flag named for a bad flag', async () => {
    const failure = await run(process.execPath, [dist('main.js'), '--image-delivery', 'ftp']).catch(
      (e: unknown) => e,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain(
      '--image-delivery must be one of direct, redirect',
    );
  });
});

describe('npm run demo', () => {
  async function demo(
    args: readonly string[],
  ): Promise<{ code: number; stderr: string; dir: string }> {
    const result = await run(process.execPath, [dist('demo.js'), ...args]).then(
      (ok) => ({ code: 0, stderr: ok.stderr }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    const dir = /prepared a throw-away project in (\S+)/.exec(result.stderr)?.[1] ?? '';
    return { ...result, dir };
  }

  it('prepares a throw-away project with the in-repo schematic and runs the CLI against the stand-in', async () => {
    const result = await demo(['--help']);
    try {
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(
        /running talos-release --root \S+ --factory-url http:\/\/127\.0\.0\.1:\d+ --help/,
      );
      expect((await readdir(result.dir)).sort()).toEqual(['releases', 'schematics']);
      expect(await readdir(`${result.dir}/releases`)).toEqual([]);
      const copied = await readFile(`${result.dir}/schematics/metal-amd64.yaml`, 'utf8');
      const original = await readFile(
        new URL('../../schematics/metal-amd64.yaml', import.meta.url),
        'utf8',
      );
      expect(copied).toBe(original);
    } finally {
      if (result.dir) await rm(result.dir, { recursive: true, force: true });
    }
  });

  it("exits with the CLI's exit code", async () => {
    const result = await demo(['frobnicate']);
    if (result.dir) await rm(result.dir, { recursive: true, force: true });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command: frobnicate');
  });

  it('forwards SIGINT to the CLI, which cancels with exit code 130', async () => {
    const child = spawn(
      process.execPath,
      [
        dist('demo.js'),
        '--yes',
        '--talos-version',
        'latest',
        '--app-version',
        '1.0.0',
        '--values-profile',
        'demo',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    // The demo's cold build holds the first ISO request for two seconds: interrupt it there.
    await expect.poll(() => stderr, { timeout: 20_000 }).toMatch(/Downloading/);
    child.kill('SIGINT');
    const code = await exited;
    const dir = /prepared a throw-away project in (\S+)/.exec(stderr)?.[1];
    if (dir) await rm(dir, { recursive: true, force: true });
    expect(code).toBe(130);
    expect(stderr).toContain('talos-release exited with code 130');
  });
});
