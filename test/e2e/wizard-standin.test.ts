// The whole wizard, in-process, against the local factory stand-in: what a person does, from
// choosing a version to finding the manifest and channel written, and a cancel that writes nothing.
import { access, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runWizard } from '../../src/components/run-wizard.js';
import type { RunningStandin } from '../../src/standin/types.js';
import { fakeTerminal } from '../components/fake-terminal.js';
import { KEY } from '../components/helpers.js';
import { useStandinAndRepos } from './helpers/standin-and-repos.js';
import {
  finishOnDone,
  removeTempRoots,
  requestFor,
  skipPublishing,
  tempRoot,
} from './helpers/wizard-fixtures.js';
import { testHttp } from '../core/http/test-http.js';

afterAll(removeTempRoots);

const { startStandin } = useStandinAndRepos();
let standin: RunningStandin | undefined;

const present = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

function start(root: string, url: string) {
  const screen = fakeTerminal();
  const controller = new AbortController();
  const exit = runWizard({
    http: testHttp(),
    request: requestFor(root, { factoryUrl: url }),
    env: {},
    terminal: screen.terminal,
    controller,
    toolVersion: '0.0.0-test',
    debug: true,
  });
  return { screen, exit };
}

describe('the wizard against the factory stand-in', () => {
  it('walks a first release through to the manifest and channel on disk', async () => {
    standin = await startStandin({ imageSize: 300 * 1024 });
    const root = await tempRoot();
    const { screen, exit } = start(root, standin.url);

    await screen.waitForText('recommended');
    for (const char of '1.12') await screen.press(char);
    await screen.press(KEY.enter);

    await screen.waitForText('5 selected');
    for (const char of 'zfs') await screen.press(char);
    await screen.press(KEY.space);
    await screen.waitForText('6 selected');
    await screen.press(KEY.escape);
    await screen.press(KEY.enter);

    await screen.waitForText('Targets for Talos');

    await screen.press(KEY.enter);

    await screen.waitForText('App version:');
    for (const char of '2.3.0') await screen.press(char);
    await screen.waitForText('All fields are valid');
    await screen.press(KEY.enter);

    const preview = await screen.waitForText('Schematic ID');
    expect(preview).toMatch(/\+\s+- siderolabs\/zfs/);
    await screen.press(KEY.enter);

    const confirm = await screen.waitForText('Write the release?', 20_000);
    expect(confirm).toContain('Downloaded artifacts/talos-v1.12.11-metal-amd64-');
    expect(confirm).toContain('Installer pinned:');
    expect(await present(join(root, 'releases/0.1.0.json'))).toBe(false);
    await screen.press('y');
    await skipPublishing(screen);
    await finishOnDone(screen);

    expect(await exit).toBe(0);
    const manifest = JSON.parse(await readFile(join(root, 'releases/0.1.0.json'), 'utf8'));
    const channel = JSON.parse(await readFile(join(root, 'releases/channels/stable.json'), 'utf8'));
    expect(manifest.talos.version).toBe('v1.12.11');
    expect(manifest.app.version).toBe('2.3.0');
    expect(manifest.talos.extensions.map((e: { name: string }) => e.name)).toContain(
      'siderolabs/zfs',
    );
    expect(manifest.os.iso.size).toBe(300 * 1024);
    expect(channel.current.releaseVersion).toBe('0.1.0');
    expect(await readFile(join(root, 'schematics/metal-amd64.yaml'), 'utf8')).toContain(
      'siderolabs/zfs',
    );
    const output = screen.output();
    expect(output).toContain('Release 0.1.0 is current on stable.');
    expect(output).toContain(manifest.os.iso.sha256);
    expect(output).toMatch(/talosctl upgrade --nodes <node> --image \S+@sha256:[0-9a-f]{64}/);
    expect(await present(join(root, '.talos-release.lock'))).toBe(false);
  });

  it('cancels mid-download with Ctrl-C: exit 130, the .part kept, nothing written', async () => {
    standin = await startStandin({
      imageSize: 512 * 1024,
      faults: [
        {
          match: { method: 'GET', path: /^\/image\// },
          fault: { kind: 'stall', afterBytes: 64 * 1024 },
        },
      ],
    });
    const root = await tempRoot();
    const schematicBefore = await readFile(join(root, 'schematics/metal-amd64.yaml'), 'utf8');
    const { screen, exit } = start(root, standin.url);

    await screen.waitForText('recommended');
    await screen.press(KEY.enter);
    await screen.waitForText('selected');
    await screen.press(KEY.enter);
    await screen.waitForText('Targets for Talos');
    await screen.press(KEY.enter);
    await screen.waitForText('App version:');
    for (const char of '1.0.0') await screen.press(char);
    await screen.waitForText('All fields are valid');
    await screen.press(KEY.enter);
    await screen.waitForText('Schematic ID');
    await screen.press(KEY.enter);
    // The stand-in stalls after 64 KiB; whatever part of it has been reported, the download is live.
    await screen.waitForText(' of 512.0 KiB', 20_000);
    expect(await present(join(root, '.talos-release.lock'))).toBe(true);

    await screen.press(KEY.ctrlC);
    expect(await exit).toBe(130);
    expect(screen.output()).toContain('Cancelled. Nothing was written.');
    const artifacts = await readdir(join(root, 'artifacts'));
    const part = artifacts.find((name) => name.endsWith('.iso.part'));
    expect(part).toBeDefined();
    expect(artifacts.filter((name) => name.endsWith('.iso'))).toEqual([]);
    // Ink wraps at the screen edge; compare the words, not the line breaks.
    expect(screen.output().replace(/\s+/g, ' ')).toContain(
      `The partial download stays at artifacts/${part}`,
    );
    expect(await present(join(root, 'releases'))).toBe(false);
    expect(await readFile(join(root, 'schematics/metal-amd64.yaml'), 'utf8')).toBe(schematicBefore);
    expect(await present(join(root, '.talos-release.lock'))).toBe(false);
  });

  it('shows a dropped connection being retried and resumed, then records it', async () => {
    standin = await startStandin({
      imageSize: 512 * 1024,
      imageDelivery: 'redirect',
      faults: [
        {
          match: { method: 'GET', path: /^\/cdn\// },
          fault: { kind: 'reset', afterBytes: 128 * 1024 },
          times: 1,
        },
      ],
    });
    const root = await tempRoot();
    const { screen, exit } = start(root, standin.url);
    await screen.waitForText('recommended');
    await screen.press(KEY.enter);
    await screen.waitForText('selected');
    await screen.press(KEY.enter);
    await screen.waitForText('Targets for Talos');
    await screen.press(KEY.enter);
    await screen.waitForText('App version:');
    for (const char of '1.0.0') await screen.press(char);
    await screen.waitForText('All fields are valid');
    await screen.press(KEY.enter);
    await screen.waitForText('Schematic ID');
    await screen.press(KEY.enter);
    const confirm = await screen.waitForText('Write the release?', 20_000);
    expect(confirm.replace(/\s+/g, ' ')).toMatch(/\(512\.0 KiB, from \S+, resumed, 1 retry\)/);
    await screen.press('n');
    expect(await exit).toBe(0);
    expect(screen.output()).toContain('Nothing was written');
    expect(await present(join(root, 'releases'))).toBe(false);
  });
});
