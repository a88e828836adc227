// Untimed, between runs: a pipeline leaves its file's pages dirty (it never fsyncs), and their
// write-back would otherwise slow whichever contender runs next.
import { runTimedOk } from './run-timed.js';

export async function settleDisk() {
  await runTimedOk('sync', 'sync', []);
}
