// verifyRelease on a release assembled in a temp directory from the codec and the artifact
// templates, so each check can be broken on its own without a factory.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { artifactRefs, isoFileName } from '../../../src/core/artifacts/index.js';
import { ExitCode, UserInputError } from '../../../src/core/errors.js';
import type { ReleaseManifest } from '../../../src/core/manifest/index.js';
import {
  decodeSchematic,
  encodeCanonical,
  normalizeSchematic,
  schematicId,
} from '../../../src/core/schematic/index.js';
import { verifyRelease } from '../../../src/core/verify/index.js';
import type { VerifyReport } from '../../../src/core/verify/index.js';
import { testHttp } from '../http/test-http.js';

const UNSORTED =
  'customization:\n  systemExtensions:\n    officialExtensions:\n      - siderolabs/gvisor\n      - siderolabs/amd-ucode\n';
const FACTORY = 'https://factory.example.com';
const DIGEST = `sha256:${'a'.repeat(64)}`;

let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'verify-core-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** Writes a schematic, an ISO and the manifest describing them; returns the manifest's path. */
async function writeRelease(
  options: {
    asWritten?: boolean;
    schematic?: string;
    bom?: readonly string[];
    edit?: (m: ReleaseManifest) => void;
  } = {},
) {
  const text = options.schematic ?? UNSORTED;
  await mkdir(join(root, 'schematics'), { recursive: true });
  await mkdir(join(root, 'artifacts'), { recursive: true });
  await mkdir(join(root, 'releases'), { recursive: true });
  await writeFile(join(root, 'schematics/s.yaml'), text);
  const decoded = decodeSchematic(text, 's.yaml');
  const canonical = encodeCanonical(
    options.asWritten ? decoded : normalizeSchematic(decoded).schematic,
  );
  const id = schematicId(canonical);
  const input = {
    factoryUrl: FACTORY,
    schematicId: id,
    talosVersion: 'v1.12.4',
    platform: 'metal',
    arch: 'amd64',
    secureboot: false,
  };
  const refs = artifactRefs(input);
  const iso = randomBytes(5000);
  const localPath = `artifacts/${isoFileName(input)}`;
  await writeFile(join(root, localPath), iso);
  const manifest: ReleaseManifest = {
    $schema: './schema.json',
    releaseVersion: '1.0.0',
    generatedAt: '2026-11-22T03:00:00.000Z',
    channel: 'stable',
    talos: {
      version: 'v1.12.4',
      schematicId: id,
      schematicPath: 'schematics/s.yaml',
      schematic: canonical,
      factoryUrl: FACTORY,
      // What the catalogue check records for each extension the schematic names.
      extensions: (options.bom ?? ['siderolabs/amd-ucode', 'siderolabs/gvisor']).map(bomEntry),
    },
    kubernetes: { version: '1.35.0' },
    os: {
      platform: 'metal',
      architecture: 'amd64',
      secureboot: false,
      iso: {
        url: refs.isoUrl,
        localPath,
        sha256: createHash('sha256').update(iso).digest('hex'),
        size: iso.length,
      },
      installer: { image: refs.installerImage, digest: DIGEST },
    },
    app: { version: '2.0.0', valuesProfile: 'default' },
    tool: { name: 'talos-release', version: '0.1.0' },
  };
  options.edit?.(manifest);
  const path = join(root, 'releases/1.0.0.json');
  await writeFile(path, JSON.stringify(manifest));
  return path;
}

function bomEntry(name: string) {
  return { name, ref: `ghcr.io/${name}:v1.0.0`, digest: DIGEST };
}

/** The named check, once the report is known to have failed on it with exit 5. */
function integrityFailure(report: VerifyReport, id: string) {
  expect(report.exitCode).toBe(ExitCode.integrity);
  const check = report.checks.find((c) => c.id === id);
  expect(check).toMatchObject({ status: 'fail', exitCode: ExitCode.integrity });
  return check;
}

const verify = (manifestPath: string) =>
  verifyRelease({ http: testHttp(), manifestPath, root, online: false });

describe('verifyRelease', () => {
  it('agrees with a consistent release whose schematic is in the normal form', async () => {
    const report = await verify(await writeRelease());
    expect(report.checks.filter((check) => check.status === 'fail')).toEqual([]);
    // No channel file in this repository: that check has nothing to compare.
    expect(
      report.checks.filter((check) => check.status === 'skip').map((check) => check.id),
    ).toEqual(['channel']);
    expect(report.exitCode).toBe(ExitCode.ok);
    expect(report.checks.find((check) => check.id === 'schematic-file')?.detail).toContain(
      'normal form',
    );
  });

  it('accepts a schematic file whose ID was taken exactly as written (unsorted)', async () => {
    const report = await verify(await writeRelease({ asWritten: true }));
    expect(report.exitCode).toBe(ExitCode.ok);
    expect(report.checks.find((check) => check.id === 'schematic-file')?.detail).toContain(
      'as written',
    );
  });

  it('fails both references when os.platform no longer matches them', async () => {
    const report = await verify(await writeRelease({ edit: (m) => (m.os.platform = 'nocloud') }));
    expect(report.exitCode).toBe(ExitCode.integrity);
    const failedIds = report.checks
      .filter((check) => check.status === 'fail')
      .map((check) => check.id);
    expect(failedIds).toEqual(['schema', 'iso-url', 'installer-image']);
    // The schema's own cross-field rule names the field; the derivation check gives both values.
    expect(report.checks.find((check) => check.id === 'schema')?.detail).toContain('os.iso.url');
    const url = report.checks.find((check) => check.id === 'iso-url');
    expect(url?.expected).toContain('/nocloud-amd64.iso');
    expect(url?.actual).toContain('/metal-amd64.iso');
  });

  it('fails an installer reference pinned to another digest than os.installer.digest', async () => {
    const other = `sha256:${'b'.repeat(64)}`;
    const report = await verify(
      await writeRelease({
        edit: (m) => (m.os.installer.image = `${m.os.installer.image}@${other}`),
      }),
    );
    const installer = report.checks.find((check) => check.id === 'installer-image');
    expect(installer).toMatchObject({ status: 'fail', expected: DIGEST, actual: other });
  });

  it('fails the derivations, without crashing, when talos.factoryUrl is not a URL', async () => {
    const report = await verify(
      await writeRelease({ edit: (m) => (m.talos.factoryUrl = 'http://[x') }),
    );
    expect(report.exitCode).toBe(ExitCode.integrity);
    expect(report.checks.find((check) => check.id === 'iso-url')?.detail).toContain('http://[x');
  });

  it('fails a releaseVersion edited away from the file name, naming both', async () => {
    const report = await verify(await writeRelease({ edit: (m) => (m.releaseVersion = '1.0.1') }));
    const check = integrityFailure(report, 'release-version');
    expect(check?.expected).toContain('1.0.0');
    expect(check?.expected).toContain('releases/1.0.0.json');
    expect(check?.actual).toContain('1.0.1');
  });

  it('cannot compare releaseVersion with a file not named after a release, and says so', async () => {
    const path = await writeRelease();
    const copy = join(root, 'releases/backup.json');
    await writeFile(copy, await readFile(path));
    const report = await verify(copy);
    expect(report.checks.find((c) => c.id === 'release-version')).toMatchObject({
      status: 'skip',
      detail: expect.stringContaining('backup.json'),
    });
  });

  it('fails a Kubernetes version the Talos version does not support, naming both', async () => {
    const report = await verify(
      await writeRelease({ edit: (m) => (m.kubernetes.version = '1.29.0') }),
    );
    const check = integrityFailure(report, 'kubernetes');
    expect(check?.expected).toContain('1.30.x to 1.35.x');
    expect(check?.expected).toContain('v1.12.4');
    expect(check?.actual).toContain('1.29.0');
  });

  it('fails a Talos version edited to one that does not support the recorded Kubernetes', async () => {
    const report = await verify(
      await writeRelease({
        edit: (m) => {
          m.talos.version = 'v1.10.4';
        },
      }),
    );
    const check = report.checks.find((c) => c.id === 'kubernetes');
    expect(check).toMatchObject({ status: 'fail' });
    expect(check?.expected).toContain('v1.10.4');
    expect(check?.actual).toContain('1.35.0');
  });

  it('fails an extension dropped from talos.extensions, naming it', async () => {
    const report = await verify(await writeRelease({ bom: ['siderolabs/amd-ucode'] }));
    const check = integrityFailure(report, 'extensions');
    expect(check?.expected).toContain('siderolabs/gvisor');
    expect(check?.actual).not.toContain('siderolabs/gvisor');
    expect(check?.detail).toContain('siderolabs/gvisor');
  });

  it('fails an extension added to talos.extensions that the schematic does not name', async () => {
    const report = await verify(
      await writeRelease({
        bom: ['siderolabs/amd-ucode', 'siderolabs/gvisor', 'siderolabs/zfs'],
      }),
    );
    const check = report.checks.find((c) => c.id === 'extensions');
    expect(check).toMatchObject({ status: 'fail' });
    expect(check?.actual).toContain('siderolabs/zfs');
    expect(check?.detail).toContain('siderolabs/zfs');
  });

  it('accepts the current name recorded for a renamed extension in the schematic', async () => {
    const schematic =
      'customization:\n  systemExtensions:\n    officialExtensions:\n      - siderolabs/talos-vmtoolsd\n';
    const report = await verify(
      await writeRelease({ schematic, bom: ['siderolabs/vmtoolsd-guest-agent'] }),
    );
    expect(report.checks.find((c) => c.id === 'extensions')?.status).toBe('pass');
    expect(report.exitCode).toBe(ExitCode.ok);
  });

  it('throws a UserInputError naming the field when the manifest is structurally wrong', async () => {
    const path = await writeRelease({ edit: (m) => Object.assign(m.os.iso, { size: 'big' }) });
    await expect(verify(path)).rejects.toThrow(UserInputError);
    await expect(verify(path)).rejects.toThrow(/os\.iso\.size/);
  });
});
