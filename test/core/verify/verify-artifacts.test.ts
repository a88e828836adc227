// verify on a version 2 release, offline: one line per artifact on disk and the sums file
// compared with the manifest line by line.
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../../src/core/errors.js';
import { verifyRelease } from '../../../src/core/verify/index.js';
import type { VerifyReport } from '../../../src/core/verify/index.js';
import { testHttp } from '../http/test-http.js';
import { SUMS, writeV2Release } from './release-v2-fixture.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'verify-v2-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const verify = (manifestPath: string) =>
  verifyRelease({ manifestPath, root, online: false, http: testHttp() });

function failure(report: VerifyReport, id: string) {
  expect(report.exitCode).toBe(ExitCode.integrity);
  const check = report.checks.find((c) => c.id === id);
  expect(check).toMatchObject({ status: 'fail', exitCode: ExitCode.integrity });
  return check!;
}

describe('verify, manifest version 2', () => {
  it('agrees with a consistent release: one line per artifact and the sums file', async () => {
    const report = await verify(await writeV2Release(root));
    expect(report.exitCode).toBe(ExitCode.ok);
    const lines = report.checks.filter((c) => c.id.startsWith('artifact-file:'));
    expect(lines.map((c) => [c.id, c.status, c.title])).toEqual([
      [
        'artifact-file:metal-amd64.iso',
        'pass',
        'artifacts/metal-amd64.iso has the recorded size and SHA-256 (artifacts[0])',
      ],
      [
        'artifact-file:nocloud-amd64.raw.xz',
        'pass',
        'artifacts/nocloud-amd64.raw.xz has the recorded size and SHA-256 (artifacts[1])',
      ],
    ]);
    expect(report.checks.find((c) => c.id === 'sha256sums')).toMatchObject({
      status: 'pass',
      detail: '2 of 2 artifacts listed',
    });
  });

  it('names a changed disk image with both sizes and hashes', async () => {
    const path = await writeV2Release(root);
    const { artifacts } = report(await readFile(path, 'utf8'));
    await appendFile(join(root, 'artifacts/nocloud-amd64.raw.xz'), 'x');
    const check = failure(await verify(path), 'artifact-file:nocloud-amd64.raw.xz');
    const disk = artifacts[1]!;
    expect(check.detail).toBe(
      'the size and the SHA-256 of nocloud-amd64.raw.xz differ from the record',
    );
    expect(check.expected).toBe(`${disk.size} bytes, SHA-256 ${disk.sha256}`);
    expect(check.actual).toMatch(new RegExp(`^${disk.size + 1} bytes, SHA-256 [0-9a-f]{64}$`));
  });

  it('names a missing disk image', async () => {
    const path = await writeV2Release(root);
    await rm(join(root, 'artifacts/nocloud-amd64.raw.xz'));
    const check = failure(await verify(path), 'artifact-file:nocloud-amd64.raw.xz');
    expect(check.detail).toContain('there is no file at');
    expect(check.fix).toContain('nocloud-amd64.raw.xz');
  });

  it('fails a manifest whose os.iso is not its first ISO artifact, as a disagreement', async () => {
    const path = await writeV2Release(root, {
      edit: (m) => {
        m.os.iso.size += 1;
      },
    });
    const check = failure(await verify(path), 'schema');
    expect(check.detail).toContain('os.iso.size: is');
    expect(check.detail).toContain('but the first ISO artifact (artifacts[0]) says');
  });

  it('fails a sums file whose hash was edited, naming the line and both values', async () => {
    const path = await writeV2Release(root);
    const [first, second] = (await readFile(join(root, SUMS), 'utf8')).split('\n');
    const recorded = second!.slice(0, 64);
    const edited = '0'.repeat(64);
    await writeFile(join(root, SUMS), `${first}\n${edited}${second!.slice(64)}\n`);
    const check = failure(await verify(path), 'sha256sums');
    expect(check.detail).toBe(
      `${SUMS}:2 says ${edited} for artifacts/nocloud-amd64.raw.xz, but the manifest records ${recorded}`,
    );
  });

  it('fails a sums file that lists another file or leaves an artifact out', async () => {
    const path = await writeV2Release(root);
    const [first] = (await readFile(join(root, SUMS), 'utf8')).split('\n');
    await writeFile(join(root, SUMS), `${first}\n${'1'.repeat(64)}  artifacts/other.iso\n`);
    const check = failure(await verify(path), 'sha256sums');
    expect(check.detail).toBe(
      [
        `${SUMS}:2 lists artifacts/other.iso, which is not an artifact of this release`,
        `${SUMS} does not list artifacts/nocloud-amd64.raw.xz`,
      ].join('\n'),
    );
  });

  it('fails a sums file that lists an artifact twice', async () => {
    const path = await writeV2Release(root);
    const [first] = (await readFile(join(root, SUMS), 'utf8')).split('\n');
    await appendFile(join(root, SUMS), `${first}\n`);
    const check = failure(await verify(path), 'sha256sums');
    expect(check.detail).toBe(`${SUMS}:3 lists artifacts/metal-amd64.iso again`);
  });

  it('fails a sums file with a malformed line, naming it', async () => {
    const path = await writeV2Release(root);
    await appendFile(join(root, SUMS), 'artifacts/extra.iso\n');
    const check = failure(await verify(path), 'sha256sums');
    expect(check.detail).toContain(`${SUMS}:3 is not a sha256sum line`);
  });

  it('says when there is no sums file, without failing', async () => {
    const report = await verify(await writeV2Release(root, { sums: false }));
    expect(report.exitCode).toBe(ExitCode.ok);
    expect(report.checks.find((c) => c.id === 'sha256sums')).toMatchObject({
      status: 'skip',
      detail: `there is no ${SUMS}`,
    });
  });

  it('keeps a version 1 checklist as it was: no artifact or sums lines', async () => {
    const path = await writeV2Release(root, {
      sums: false,
      edit: (m) => {
        delete m.manifestVersion;
        delete m.artifacts;
        delete m.installers;
      },
    });
    const report = await verify(path);
    expect(report.exitCode).toBe(ExitCode.ok);
    expect(report.checks.map((c) => c.id)).not.toContain('sha256sums');
    expect(report.checks.filter((c) => c.id.startsWith('artifact-file:'))).toEqual([]);
  });
});

function report(text: string) {
  return JSON.parse(text) as { artifacts: { size: number; sha256: string }[] };
}
