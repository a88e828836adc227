// Reading bodies with a ceiling. A factory (or something pretending to be one) decides how much
// it sends; we decide how much we hold in memory. Error bodies are quoted, API bodies parsed: both
// are small, so anything past the cap is a wrong answer, never a reason to grow without bound.
import { NetworkError } from '../errors.js';
import { formatBytes } from '../format/index.js';

/** The factory's JSON answers are a few KiB; a few MiB leaves room for any real catalogue. */
export const MAX_API_BODY_BYTES = 4 * 1024 * 1024;

/** Reads at most `limit` bytes of an error body, then lets go of the stream. */
export async function readErrorBody(
  stream: AsyncIterable<Buffer | string>,
  limit = 64 * 1024,
): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      chunks.push(buffer);
      length += buffer.length;
      if (length >= limit) break;
    }
  } catch {
    // A reset while reading an error body still leaves the status, which is what matters.
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

export function bodyTooLarge(what: string, url: string, limit: number): NetworkError {
  return new NetworkError(
    `${what} from ${url} is larger than ${formatBytes(limit)}; stopped reading it.`,
    {
      hint: 'That is not an answer the Image Factory gives: check --factory-url / TALOS_FACTORY_URL and any proxy in between.',
    },
  );
}

/**
 * Collects a whole body, failing with bodyTooLarge as soon as it passes `limit`. `stop` is called
 * then, so the connection is dropped instead of drained.
 */
export async function readCappedBody(
  stream: AsyncIterable<Buffer | string>,
  limit: number,
  tooLarge: () => Error,
  stop: () => void,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    length += buffer.length;
    if (length > limit) {
      stop();
      throw tooLarge();
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
