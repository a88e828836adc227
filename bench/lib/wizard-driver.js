// Drives the real wizard in tmux the way a person does: wait for a screen, type, press a key.
// Every wait polls the pane; a screen that never comes fails with what was on screen instead.
import { performance } from 'node:perf_hooks';
import { pollPause } from './tmux.js';

const WAIT_MS = 120_000;

/**
 * @param {ReturnType<typeof import('./tmux.js').privateTmux>} tmux
 * @param {string} session
 */
export function wizardDriver(tmux, session) {
  /**
   * @param {RegExp | string} expected
   * @returns {Promise<string>} the screen that matched
   */
  const waitFor = async (expected) => {
    const started = performance.now();
    for (;;) {
      const screen = await tmux.screen(session);
      if (typeof expected === 'string' ? screen.includes(expected) : expected.test(screen)) {
        return screen;
      }
      if (performance.now() - started > WAIT_MS) {
        throw new Error(
          `the wizard never showed "${expected}" (waited ${WAIT_MS} ms). Screen:\n${screen}`,
        );
      }
      await pollPause();
    }
  };
  return {
    waitFor,
    /** @param {string} keys */
    send: (keys) => tmux.send(session, keys),
    /** Resolves when the wizard has exited and its pane closed. */
    async waitForExit() {
      const started = performance.now();
      while (await tmux.isOpen(session)) {
        if (performance.now() - started > WAIT_MS) throw new Error('the wizard did not exit');
        await pollPause();
      }
    },
  };
}
