// The Image Factory catalogue and schematic API (docs/factory-protocol.md §8.2–8.6). Every answer
// is parsed as JSON whatever its Content-Type (several routes set none) and validated before anyone
// sees it.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { IntegrityError } from '../errors.js';
import type { ExtensionInfo, OverlayInfo } from '../catalogue/index.js';
import { resolveFactoryUrl } from './base-url.js';
import type { Http, WaitingEvent } from '../http/index.js';
import {
  createSchematicResponse,
  extensionsResponse,
  overlaysResponse,
  versionsResponse,
} from './responses.js';
import { createTransport } from './transport.js';
import type { FactoryRequest } from './transport.js';
import { validateAnswer } from './validate-answer.js';

export interface FactoryClientOptions {
  readonly baseUrl: string;
  /** The run's one HTTP layer: its user agent, proxy agents and keep-alive sockets. */
  readonly http: Http;
  /** Per attempt, headers and body together; catalogue and schematic calls are quick (docs/factory-protocol.md §13). Default 30 s. */
  readonly timeoutMs?: number;
  /** For a whole call, retries included, so a hung or dripping server ends the run. Default 60 s. */
  readonly deadlineMs?: number;
  /** Called every few seconds while a call has not been answered. */
  readonly onWaiting?: (event: WaitingEvent) => void;
  /** How often onWaiting is called. Default 5 s. */
  readonly waitingNoticeMs?: number;
  /** Retries after the first attempt for 5xx and connection failures. Default 3. */
  readonly retries?: number;
  /** First backoff, doubled each retry, with jitter. Default 500 ms. */
  readonly backoffMs?: number;
  readonly signal?: AbortSignal;
}

export interface CreatedSchematic {
  readonly id: string;
  /** The canonical YAML the factory stored: the bytes that hash to `id`. */
  readonly schematic: string;
  /** The `Server` header, e.g. `Image Factory v1.5.0`, for mismatch reports. */
  readonly server: string | undefined;
}

export interface FactoryClient {
  readonly baseUrl: string;
  listVersions(): Promise<string[]>;
  listBrokenVersions(): Promise<string[]>;
  listExtensions(version: string): Promise<ExtensionInfo[]>;
  listOverlays(version: string): Promise<OverlayInfo[]>;
  createSchematic(yamlText: string): Promise<CreatedSchematic>;
  getSchematic(id: string): Promise<string>;
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

export function createFactoryClient(options: FactoryClientOptions): FactoryClient {
  const baseUrl = resolveFactoryUrl(options.baseUrl);
  const send = createTransport({
    baseUrl,
    http: options.http,
    timeoutMs: options.timeoutMs ?? 30_000,
    deadlineMs: options.deadlineMs ?? 60_000,
    onWaiting: options.onWaiting,
    waitingNoticeMs: options.waitingNoticeMs,
    retries: options.retries ?? 3,
    backoffMs: options.backoffMs ?? 500,
    signal: options.signal,
  });

  async function json<T>(request: FactoryRequest, schema: z.ZodType<T>) {
    const answer = await send(request);
    return { value: validateAnswer(baseUrl, request, answer, schema), answer };
  }

  const versionRoute = (version: string, rest: string): string =>
    `/version/${encodeURIComponent(version)}/${rest}`;

  async function getSchematic(id: string): Promise<string> {
    const request: FactoryRequest = {
      method: 'GET',
      route: `/schematics/${encodeURIComponent(id)}`,
    };
    const { body } = await send(request);
    // The stored bytes are what the ID hashes (docs/factory-protocol.md §8.3); anything else was
    // altered on the way.
    const hashed = createHash('sha256').update(body, 'utf8').digest('hex');
    if (hashed !== id) {
      throw new IntegrityError(
        `the factory's schematic ${id} does not hash to its ID (SHA-256 of the body is ${hashed})`,
        {
          hint: 'Something between you and the factory altered the answer; check proxies and try again.',
        },
      );
    }
    return body;
  }

  // The catalogue changes at most every 15 minutes (docs/factory-protocol.md §13): one answer per
  // route per client (one run) is enough. A failed call is forgotten so the next one asks again.
  const cached = new Map<string, Promise<unknown>>();
  function catalogue<T>(route: string, schema: z.ZodType<T>): Promise<T> {
    const hit = cached.get(route) as Promise<T> | undefined;
    if (hit) return hit;
    const pending = json({ method: 'GET', route }, schema).then(({ value }) => value);
    cached.set(route, pending);
    pending.catch(() => cached.delete(route));
    return pending;
  }
  // Callers may sort or filter what they get; they must not change the cached copy.
  const copy = async <T>(list: Promise<readonly T[]>): Promise<T[]> => [...(await list)];

  return {
    baseUrl,
    listVersions: () => copy(catalogue('/versions', versionsResponse)),
    listBrokenVersions: () => copy(catalogue('/versions?broken=true', versionsResponse)),
    listExtensions: (version) =>
      copy(catalogue(versionRoute(version, 'extensions/official'), extensionsResponse)),
    listOverlays: (version) =>
      copy(catalogue(versionRoute(version, 'overlays/official'), overlaysResponse)),
    getSchematic,
    createSchematic: async (yamlText) => {
      const request: FactoryRequest = {
        method: 'POST',
        route: '/schematics',
        body: yamlText,
        contentType: 'application/yaml',
      };
      const { value, answer } = await json(request, createSchematicResponse);
      const server = headerText(answer.headers['server']);
      // Factories before v1.3.0 answer with the ID only; the stored text is one GET away.
      const schematic = value.schematic ?? (await getSchematic(value.id));
      return { id: value.id, schematic, server };
    },
  };
}
