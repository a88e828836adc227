// The start step through the whole app: a broken schematic stops the wizard with the file, the
// line and the fix; r reloads it once fixed, q quits with the error's exit code.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { runWizard } from '../../src/components/run-wizard.js';
import { startStandin } from '../../src/standin/server.js';
import type { RunningStandin } from '../../src/standin/types.js';
import { fakeTerminal } from './fake-terminal.js';
import { removeTempRoots, requestFor, tempRoot } from '../e2e/helpers/wizard-fixtures.js';
import { testHttp } from '../core/http/test-http.js';

afterAll(removeTempRoots);

let standin: RunningStandin | undefined;
afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

const BROKEN =
  'customization:\n  systemExtensions:\n    officialExtension:\n      - siderolabs/zfs\n';

async function brokenProject(): Promise<string> {
  const root = await tempRoot();
  await writeFile(join(root, 'schematics/metal-amd64.yaml'), BROKEN);
  return root;
}

function start(root: string, factoryUrl: string) {
  const screen = fakeTerminal();
  const exit = runWizard({
    http: testHttp(),
    request: requestFor(root, { factoryUrl }),
    env: {},
    terminal: screen.terminal,
    controller: new AbortController(),
    toolVersion: '0.0.0-test',
    debug: true,
  });
  return { screen, exit };
}

describe('a schematic error at the start', () => {
  it('shows the file and line with the fix, and q quits with exit code 2', async () => {
    const { screen, exit } = start(await brokenProject(), 'http://127.0.0.1:9');
    const frame = await screen.waitForText('r retry');
    expect(frame).toMatch(/✗ \S*schematics\/metal-amd64\.yaml:3:\d+:/);
    expect(frame).toContain('unknown field "officialExtension"');
    expect(frame).toContain('Did you mean "officialExtensions"?');
    expect(frame).not.toContain('esc back');
    expect(frame).not.toContain('Talos version');
    await screen.press('q');
    expect(await exit).toBe(2);
  });

  it('reloads the schematic with r once it is fixed', async () => {
    standin = await startStandin({ imageSize: 1024 });
    const root = await brokenProject();
    const { screen, exit } = start(root, standin.url);
    await screen.waitForText('r retry');
    await writeFile(
      join(root, 'schematics/metal-amd64.yaml'),
      BROKEN.replace('Extension:', 'Extensions:'),
    );
    await screen.press('r');
    const frame = await screen.waitForText('recommended');
    expect(frame).toContain('(1 extension)');
    await screen.press('\u0003');
    expect(await exit).toBe(130);
  });
});
