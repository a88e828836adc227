// Turns a 4xx from the factory into a FactoryRefusedError that quotes the factory's own words and
// says what to change. The factory answers errors as plain text (image-factory.md §12).
import { FactoryRefusedError } from '../errors.js';

/** The body is plain text ending in LF; keep messages readable even if a proxy sends HTML. */
const MAX_MESSAGE_LENGTH = 500;

function hintFor(status: number, message: string): string {
  const text = message.toLowerCase();
  if (status === 402)
    return 'This needs an Enterprise factory; the community factory does not offer it.';
  if (status === 404 && text.includes('schematic'))
    return 'The factory does not know this schematic ID: submit the schematic to this factory first, or check the ID.';
  if (status === 404 && text.includes('version'))
    return 'The factory does not offer this Talos version: pick one from its /versions list.';
  if (status === 400 && (text.includes('extension') || text.includes('not supported')))
    return 'The schematic asks for something this Talos version lacks: pick another version or remove that item from the schematic.';
  if (status === 400)
    return 'The factory rejects this request as malformed: check the platform, architecture and asset path.';
  return 'Check the factory URL, schematic ID and Talos version, then run again.';
}

export function factoryRefusal(status: number, body: string, url: string): FactoryRefusedError {
  const factoryMessage = body.trim().slice(0, MAX_MESSAGE_LENGTH) || `HTTP ${status}`;
  return new FactoryRefusedError(`The factory refused ${url} (HTTP ${status}): ${factoryMessage}`, {
    status,
    factoryMessage,
    url,
    hint: hintFor(status, factoryMessage),
  });
}

/** 408 and 429 are refusals that pass with time, so they are retried like 5xx. */
export function isTransientStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

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
