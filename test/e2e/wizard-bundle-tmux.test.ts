// The built wizard in a real 80×24 terminal against the factory stand-in and a real registry
// (Debian's docker-registry): the Publish step pushes the release, skopeo reads it back, and the
// Done screen's bundle key writes the air-gap tar whose size the wizard shows.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/core/format/index.js';
import {
  HAS_DOCKER_REGISTRY,
  SKOPEO_BIN,
  skopeoArgs,
  startDockerRegistry,
} from './helpers/docker-registry.js';
import type { DockerRegistry } from './helpers/docker-registry.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';
import { CLI, startInTmux } from './helpers/tmux.js';
import type { TmuxPane } from './helpers/tmux.js';
import {
  BUNDLE_OFFER,
  removeTempRoots,
  skipPublishing,
  tempRoot,
} from './helpers/wizard-fixtures.js';

afterAll(removeTempRoots);

const { startStandin } = useStandinAndRepos();
let pane: TmuxPane | undefined;
let registry: DockerRegistry | undefined;

beforeAll(() => {
  if (!existsSync(CLI))
    throw new Error(`${CLI} is missing: build first (npx tsc -p tsconfig.build.json)`);
});
afterEach(async () => {
  await pane?.close();
  pane = undefined;
  await registry?.close();
  registry = undefined;
});

function fitsTheTerminal(screen: string): void {
  expect(screen.trimEnd().split('\n').length).toBeLessThanOrEqual(24);
  for (const line of screen.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
}

/** The epilogue as printed: the terminal wraps long lines at 80 columns, this joins them again. */
function unwrapped(screen: string): string {
  return screen
    .split('\n')
    .reduce<string[]>((lines, line) => {
      const last = lines[lines.length - 1];
      if (last !== undefined && last.length === 80) lines[lines.length - 1] = last + line;
      else lines.push(line);
      return lines;
    }, [])
    .join('\n');
}

/**
 * From the version list to "Write the release?": a version (typed as a filter, or the
 * recommended one), the schematic's extensions, the default target, app version 3.1.4.
 */
async function walkToWrite(pane: TmuxPane, version?: string): Promise<void> {
  await pane.waitForText('recommended');
  if (version !== undefined) {
    await pane.type(version);
    await pane.waitForText(`${version}▏`);
  }
  await pane.keys('Enter');
  await pane.waitForText('selected');
  await pane.keys('Enter');
  await pane.waitForText('Targets for Talos');
  await pane.keys('Enter');
  await pane.waitForText('Release details');
  await pane.type('3.1.4');
  await pane.waitForText('All fields are valid');
  await pane.keys('Enter');
  await pane.waitForText('Schematic ID');
  await pane.keys('Enter');
  await pane.waitForText('Write the release?');
}

describe.skipIf(!HAS_DOCKER_REGISTRY || SKOPEO_BIN === undefined)(
  'the wizard publishes to a real registry, then bundles from Done (needs docker-registry and skopeo)',
  () => {
    it('publishes through the Publish step, skopeo reads release:<v> back, b writes the tar', async () => {
      const standin = await startStandin({ imageSize: 64 * 1024 });
      registry = await startDockerRegistry();
      const to = `${registry.host}/team`;
      const root = await tempRoot();
      await writeFile(
        join(root, 'talos-release.yaml'),
        `publish:\n  to: ${to}\n  insecure: true\n`,
      );
      pane = await startInTmux({
        args: ['--root', root, '--factory-url', standin.url],
        width: 80,
        height: 24,
        env: { NO_COLOR: '1' },
      });
      await walkToWrite(pane, '1.12');
      await pane.keys('Enter');
      // publish.to in the project file: the step opens on Publish to that destination.
      await pane.waitForText(`› Publish to ${to}`);
      await pane.keys('Enter');

      const done = await pane.waitForText(BUNDLE_OFFER, 30_000);
      fitsTheTerminal(done);
      expect(done).toContain('Release 0.1.0 is current on stable.');
      expect(done).toContain(`✔ Published to ${to}`);
      const shownDigest = /release (sha256:[0-9a-f]{64})/.exec(done)?.[1];
      expect(shownDigest).toBeDefined();
      expect(done).toContain('Bundle path bundles/talos-release-0.1.0.tar');

      // A real client reads the release back at the tag and the digest the screen shows.
      const inspect = spawnSync(SKOPEO_BIN ?? 'skopeo', [
        'inspect',
        '--raw',
        ...skopeoArgs(registry),
        `docker://${to}/release:0.1.0`,
      ]);
      expect(inspect.status, inspect.stderr.toString()).toBe(0);
      // A digest is the SHA-256 of the manifest's bytes as the registry serves them.
      const served = `sha256:${createHash('sha256').update(inspect.stdout).digest('hex')}`;
      expect(served).toBe(shownDigest);

      await pane.type('b');
      const end = await pane.waitForText('talos-release publish --from', 30_000);
      expect(await pane.exitCode()).toBe(0);
      const tar = join(root, 'bundles/talos-release-0.1.0.tar');
      const { size } = await stat(tar);
      const text = unwrapped(end);
      expect(text).toContain(`Bundle for an air-gapped site (${formatBytes(size)}):\n  ${tar}\n`);
      expect(text).toContain(`  ${to}/release:0.1.0@${shownDigest ?? ''}\n`);
      expect(existsSync(`${tar}.partial`)).toBe(false);
    }, 60_000);
  },
);

describe('Ctrl-C while bundling, at 80×24', () => {
  it('cancels with exit 130: the release stays written, no tar appears, the epilogue still prints', async () => {
    // Every installer blob stalls after its headers: the bundle is under way when Ctrl-C lands.
    const standin = await startStandin({
      imageSize: 16 * 1024,
      faults: [
        {
          match: { server: 'registry', method: 'GET', path: /\/blobs\// },
          fault: { kind: 'stall', afterBytes: 0 },
        },
      ],
    });
    const root = await tempRoot();
    pane = await startInTmux({
      args: ['--root', root, '--factory-url', standin.url],
      width: 80,
      height: 24,
      env: { NO_COLOR: '1' },
    });
    await walkToWrite(pane);
    await pane.keys('Enter');
    await skipPublishing(pane);
    await pane.waitForText(BUNDLE_OFFER);
    await pane.type('b');
    const bundling = await pane.waitForText('Bundling 0.1.0 for an air-gapped site');
    fitsTheTerminal(bundling);
    expect(bundling).toContain('into bundles/talos-release-0.1.0.tar');
    await pane.keys('C-c');
    const end = unwrapped(await pane.waitForText('talosctl upgrade --nodes <node>'));
    expect(end).toContain('Bundling cancelled.');
    expect(end).toContain(
      'The release is written; bundle it later with talos-release bundle 0.1.0',
    );
    expect(await pane.exitCode()).toBe(130);
    expect(existsSync(join(root, 'releases/0.1.0.json'))).toBe(true);
    expect(existsSync(join(root, 'bundles/talos-release-0.1.0.tar'))).toBe(false);
  }, 60_000);
});
