// Streams a response body with backpressure, applying at most one body fault: a reset, a stall
// or a truncation after a given number of bytes. Memory stays bounded by one chunk.
import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { BodyFault } from './faults.js';
import type { Exchange } from './respond.js';
import { pause } from './pause.js';

function writeChunk(res: ServerResponse, chunk: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    if (res.destroyed) {
      resolve(false);
      return;
    }
    const ok = res.write(chunk);
    if (ok) {
      resolve(true);
      return;
    }
    const done = (drained: boolean): void => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(drained);
    };
    const onDrain = (): void => done(true);
    const onClose = (): void => done(false);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

/** Resolves once everything written so far has reached the socket. */
function flushed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => res.write(Buffer.alloc(0), () => resolve()));
}

async function breakConnection(ex: Exchange, fault: BodyFault): Promise<'continue' | 'stop'> {
  await flushed(ex.res);
  const socket = ex.res.socket;
  switch (fault.kind) {
    case 'reset':
      // A real RST, not a polite FIN: what a crashed proxy or a dropped NAT entry looks like.
      socket?.resetAndDestroy();
      return 'stop';
    case 'truncate':
      // The promised Content-Length is never reached; a clean FIN ends the connection.
      socket?.end();
      return 'stop';
    case 'stall': {
      await pause(ex, fault.ms ?? 2 ** 31 - 1);
      return ex.res.destroyed ? 'stop' : 'continue';
    }
  }
}

export async function writeBody(ex: Exchange, body: Buffer | Readable): Promise<void> {
  const source = body instanceof Readable ? body : Readable.from([body]);
  let fault = ex.faults.body();
  let sent = 0;
  try {
    for await (const piece of source) {
      let chunk = piece as Buffer;
      while (fault && sent + chunk.length >= fault.afterBytes) {
        const head = chunk.subarray(0, fault.afterBytes - sent);
        if (head.length > 0 && !(await writeChunk(ex.res, head))) return;
        sent += head.length;
        chunk = chunk.subarray(head.length);
        const next = await breakConnection(ex, fault);
        if (next === 'stop') return;
        fault = undefined;
      }
      if (chunk.length > 0 && !(await writeChunk(ex.res, chunk))) return;
      sent += chunk.length;
    }
    ex.res.end();
  } finally {
    source.destroy();
  }
}
