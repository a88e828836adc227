// How many list rows fit: the terminal's height minus what the rest of the screen needs. A
// stream without `rows` (a test stdout) is treated as the classic 24-line terminal.
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

const FALLBACK_ROWS = 24;
const MIN_ROWS = 3;
const MAX_ROWS = 15;

export function useListHeight(reservedRows: number): number {
  const { stdout } = useStdout();
  const [rows, setRows] = useState(stdout.rows || FALLBACK_ROWS);
  useEffect(() => {
    const onResize = (): void => setRows(stdout.rows || FALLBACK_ROWS);
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return Math.min(MAX_ROWS, Math.max(MIN_ROWS, rows - reservedRows));
}
