// The anonymous token dance of the OCI distribution spec: a registry answers 401 with
// `WWW-Authenticate: Bearer realm=…,service=…,scope=…`; we ask the realm for a token without any
// credentials and present it to that same registry only.
import { z } from 'zod';
import { NetworkError } from '../errors.js';
import { assertAllowedUrl, requestApi } from '../http/index.js';
import type { Http } from '../http/index.js';

export interface BearerChallenge {
  readonly realm: string;
  readonly service?: string | undefined;
  readonly scope?: string | undefined;
}

export function parseBearerChallenge(header: string | undefined): BearerChallenge | undefined {
  if (!header || !/^\s*bearer\s/i.test(header)) return undefined;
  const params = new Map<string, string>();
  for (const match of header.matchAll(/([a-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/gi)) {
    const key = match[1]?.toLowerCase();
    if (key) params.set(key, (match[2] ?? match[3] ?? '').replace(/\\(.)/g, '$1'));
  }
  const realm = params.get('realm');
  if (!realm) return undefined;
  return { realm, service: params.get('service'), scope: params.get('scope') };
}

const tokenResponse = z
  .object({ token: z.string().min(1).optional(), access_token: z.string().min(1).optional() })
  .refine((body) => body.token ?? body.access_token, 'neither token nor access_token is set');

export async function fetchAnonymousToken(
  http: Http,
  challenge: BearerChallenge,
  options: { readonly timeoutMs: number; readonly signal?: AbortSignal | undefined },
): Promise<string> {
  const url = new URL(challenge.realm);
  assertAllowedUrl(url);
  if (challenge.service) url.searchParams.set('service', challenge.service);
  if (challenge.scope) url.searchParams.set('scope', challenge.scope);
  // A token answer is a few hundred bytes; requestApi caps it and bounds the whole exchange.
  const response = await requestApi(http, {
    method: 'GET',
    url,
    deadlineMs: options.timeoutMs,
    signal: options.signal,
  });
  let parsed: z.infer<typeof tokenResponse> | undefined;
  try {
    parsed = tokenResponse.parse(JSON.parse(response.body));
  } catch {
    parsed = undefined;
  }
  const token = parsed?.token ?? parsed?.access_token;
  if (response.status !== 200 || !token) {
    throw new NetworkError(
      `the registry's token service at ${url.origin} gave no anonymous token (HTTP ${response.status}).`,
      {
        hint: 'The installer registry may require a login; the manifest can record the reference without a digest.',
      },
    );
  }
  return token;
}
