// The root: the help covers the screen without losing what the screen holds, and Ctrl-C aborts
// the run's one signal whatever the screen.
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { WizardApp } from '../../src/components/wizard-app.js';
import { offlineServices, requestFor, tempRoot } from '../e2e/helpers/wizard-fixtures.js';
import { KEY, renderInk } from './helpers.js';
import type { InkHarness } from './helpers.js';

let ink: InkHarness | undefined;
afterEach(() => ink?.unmount());

async function mountApp(controller = new AbortController()): Promise<InkHarness> {
  const request = requestFor(await tempRoot());
  ink = renderInk(
    createElement(WizardApp, {
      request,
      services: offlineServices(request),
      controller,
      theme: { color: false },
    }),
  );
  return ink;
}

describe('the wizard root', () => {
  it('shows every key with ? and returns to the same screen, filter kept, on any key', async () => {
    const screen = await mountApp();
    await screen.waitForText('recommended');
    await screen.type('1.11');
    await screen.press('?');
    const help = screen.frame();
    expect(help).toContain('Keys');
    expect(help).toContain('go back a step where that is safe');
    expect(help).not.toContain('1/8 Talos version');
    await screen.press('x');
    expect(screen.frame()).toContain('1.11▏');
    expect(screen.frame()).not.toContain('x▏');
  });

  it('applies every key of a chunk typed faster than frames: filter, erase, choose', async () => {
    const screen = await mountApp();
    await screen.waitForText('recommended');
    screen.write(`1.12${KEY.backspace}1\r`);
    const frame = await screen.waitForText('Talos v1.11.');
    expect(frame).toContain('2/8 Extensions');
  });

  it('cancels on Ctrl-C by aborting the run signal', async () => {
    const controller = new AbortController();
    const screen = await mountApp(controller);
    await screen.waitForText('recommended');
    await screen.press(KEY.ctrlC);
    expect(controller.signal.aborted).toBe(true);
    expect(screen.frame()).toContain('Cancelled. Nothing was written.');
  });

  it('cancels when the signal is aborted from outside (SIGINT, SIGTERM)', async () => {
    const controller = new AbortController();
    const screen = await mountApp(controller);
    await screen.waitForText('recommended');
    controller.abort();
    await screen.waitForText('Cancelled. Nothing was written.');
  });
});
