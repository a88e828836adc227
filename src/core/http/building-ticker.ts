// Reports "still waiting, N s so far" while a request blocks (a cold factory build, a slow API
// answer), so the operator sees the tool is alive during a wait that can last minutes.
export const BUILDING_TICK_MS = 1_000;

export function startBuildingTicker(
  report: (elapsedMs: number) => void,
  tickMs: number = BUILDING_TICK_MS,
  now: () => number = Date.now,
): () => void {
  const startedAt = now();
  let ticks = 0;
  // A timer may fire a millisecond before the wall clock agrees; the n-th tick still means at
  // least n intervals have passed, so the report never says less than that.
  const timer = setInterval(() => {
    ticks += 1;
    report(Math.max(now() - startedAt, ticks * tickMs));
  }, tickMs);
  // The ticker must never keep the process alive on its own.
  timer.unref();
  return () => clearInterval(timer);
}
