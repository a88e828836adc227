// Fast event sources (download progress) fold into a ref at full speed; React sees a snapshot at
// most once per interval, so the screen redraws ~10 times a second however fast bytes arrive.
import { useCallback, useEffect, useRef, useState } from 'react';

export const RENDER_INTERVAL_MS = 100;

export function useThrottledState<S, E>(
  initial: S,
  fold: (state: S, event: E) => S,
  intervalMs = RENDER_INTERVAL_MS,
): readonly [S, (event: E) => void] {
  const [shown, setShown] = useState(initial);
  const latest = useRef(initial);
  const lastRender = useRef(0);
  const timer = useRef<NodeJS.Timeout | undefined>(undefined);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const push = useCallback(
    (event: E) => {
      latest.current = fold(latest.current, event);
      if (timer.current) return;
      const wait = Math.max(0, lastRender.current + intervalMs - Date.now());
      timer.current = setTimeout(() => {
        timer.current = undefined;
        lastRender.current = Date.now();
        setShown(latest.current);
      }, wait);
    },
    [fold, intervalMs],
  );
  return [shown, push] as const;
}
