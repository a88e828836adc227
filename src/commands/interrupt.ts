// One AbortController per headless run: SIGINT, SIGTERM or SIGHUP (the terminal or SSH session
// closing) aborts it, so downloads stop at once, keep their .part file, the repository lock is
// released, and the run ends with a CancelledError (exit 130) through the usual path.
export const INTERRUPT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export async function withInterruptSignal<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  for (const name of INTERRUPT_SIGNALS) process.once(name, abort);
  try {
    return await run(controller.signal);
  } finally {
    for (const name of INTERRUPT_SIGNALS) process.off(name, abort);
  }
}
