// Parses a factory answer as JSON whatever its Content-Type (several routes set none,
// docs/factory-protocol.md §8.1) and holds it to a zod schema, so a proxy's login page or a changed
// API is caught at the boundary.
import type { z } from 'zod';
import { NetworkError } from '../errors.js';
import type { FactoryAnswer, FactoryRequest } from './transport.js';

function malformed(baseUrl: string, request: FactoryRequest, problem: string): NetworkError {
  return new NetworkError(
    `the factory at ${baseUrl} sent a malformed answer to ${request.method} ${request.route}: ${problem}`,
    {
      hint: 'Check that --factory-url / TALOS_FACTORY_URL points at an Image Factory (not a proxy or login page).',
    },
  );
}

export function validateAnswer<T>(
  baseUrl: string,
  request: FactoryRequest,
  answer: FactoryAnswer,
  schema: z.ZodType<T>,
): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    const start = JSON.stringify(answer.body.slice(0, 40));
    throw malformed(baseUrl, request, `not JSON (starts with ${start})`);
  }
  const result = schema.safeParse(parsed);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw malformed(baseUrl, request, `${where}${issue?.message ?? 'unexpected shape'}`);
}
