// Test helpers for the stand-in: start one per test (closed afterwards) and talk to it with
// node:http, which neither follows redirects nor hides status codes, headers or resets.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { delimiter, join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterEach } from 'vitest';
import { startStandin } from '../../src/standin/server.js';
import type { RunningStandin, StandinOptions } from '../../src/standin/types.js';

const running: RunningStandin[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((standin) => standin.close()));
});

/** Debian's skopeo, when installed (`apt-get install -y skopeo`); tests that need it skip otherwise. */
export const SKOPEO = (process.env['PATH'] ?? '')
  .split(delimiter)
  .map((dir) => join(dir, 'skopeo'))
  .find((path) => existsSync(path));

export const VANILLA_ID = '376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba';
export const VANILLA = 'customization: {}\n';

/** Starts a stand-in that the current test owns; small images unless the test says otherwise. */
export async function standin(options: StandinOptions = {}): Promise<RunningStandin> {
  const started = await startStandin({ imageSize: 64 * 1024, ...options });
  running.push(started);
  return started;
}

export interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly text: string;
}

export interface SendOptions {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export function send(url: string, options: SendOptions = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            text: body.toString('utf8'),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return send(url, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/yaml', ...headers },
  });
}

/** What happened to a download: how many body bytes arrived and how the stream ended. */
export interface Download {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly received: number;
  readonly outcome: 'complete' | 'aborted' | 'error';
  readonly error?: NodeJS.ErrnoException;
}

export function download(url: string, headers: Record<string, string> = {}): Promise<Download> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let received = 0;
      const base = { status: res.statusCode ?? 0, headers: res.headers };
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
      });
      res.on('end', () => resolve({ ...base, received, outcome: 'complete' }));
      res.on('aborted', () => resolve({ ...base, received, outcome: 'aborted' }));
      res.on('error', (error: NodeJS.ErrnoException) =>
        resolve({ ...base, received, outcome: 'error', error }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Hex SHA-256 of a stream, e.g. the expected bytes of an asset. */
export async function sha256OfStream(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
