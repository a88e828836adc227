// One AbortController per headless run: SIGINT or SIGTERM aborts it, so downloads stop at once,
// keep their .part file, and the run ends with a CancelledError (exit 130) through the usual path.
export async function withInterruptSignal<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  try {
    return await run(controller.signal);
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
}
