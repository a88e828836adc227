// Which injected faults apply to one request. Rules are consumed in order; `times` counts down
// per rule so "503 twice, then the real answer" is one rule with times: 2. Body faults and the
// schematic-id fault are consumed only when a response actually has a body or an ID, so a 302 hop
// does not use up a fault meant for the download behind it.
import type { Fault, FaultRule } from './types.js';

export type BodyFault = Extract<Fault, { kind: 'reset' | 'stall' | 'truncate' }>;
type StatusFault = Extract<Fault, { kind: 'status' }>;

/** The faults of one request: the up-front ones already taken, the others taken on use. */
export interface RequestFaults {
  readonly status?: StatusFault;
  readonly delayMs: number;
  /** The body fault for this response, consumed on the first call. */
  body(): BodyFault | undefined;
  /** The ID a tampered factory answers with, consumed on the first call. */
  schematicId(): string | undefined;
}

interface LiveRule {
  readonly rule: FaultRule;
  remaining: number;
}

export interface FaultTarget {
  readonly server: 'factory' | 'registry';
  readonly method: string;
  /** Every path the request is known by: a /cdn request also answers to its /image path. */
  readonly paths: readonly string[];
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  const { match } = rule;
  if ((match.server ?? 'factory') !== target.server) return false;
  if (match.method !== undefined && match.method.toUpperCase() !== target.method) return false;
  return target.paths.some((path) =>
    typeof match.path === 'string' ? match.path === path : new RegExp(match.path).test(path),
  );
}

function once<T>(take: () => T): () => T {
  let taken = false;
  let value: T;
  return () => {
    if (!taken) {
      value = take();
      taken = true;
    }
    return value;
  };
}

export class FaultBook {
  private readonly rules: LiveRule[] = [];

  constructor(initial: readonly FaultRule[] = []) {
    for (const rule of initial) this.add(rule);
  }

  add(rule: FaultRule): void {
    this.rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  /** Every live matching rule of these kinds, consumed. */
  private takeAll(target: FaultTarget, kinds: readonly Fault['kind'][]): Fault[] {
    const taken: Fault[] = [];
    for (const live of this.rules) {
      if (live.remaining <= 0 || !kinds.includes(live.rule.fault.kind)) continue;
      if (!matches(live.rule, target)) continue;
      live.remaining -= 1;
      taken.push(live.rule.fault);
    }
    return taken;
  }

  /** The first live matching rule of these kinds, consumed. */
  private takeFirst(target: FaultTarget, kinds: readonly Fault['kind'][]): Fault | undefined {
    const live = this.rules.find(
      (candidate) =>
        candidate.remaining > 0 &&
        kinds.includes(candidate.rule.fault.kind) &&
        matches(candidate.rule, target),
    );
    if (!live) return undefined;
    live.remaining -= 1;
    return live.rule.fault;
  }

  take(target: FaultTarget): RequestFaults {
    const status = this.takeFirst(target, ['status']);
    const delayMs = this.takeAll(target, ['delay']).reduce(
      (sum, fault) => sum + (fault.kind === 'delay' ? fault.ms : 0),
      0,
    );
    return {
      ...(status?.kind === 'status' ? { status } : {}),
      delayMs,
      body: once(() => {
        const fault = this.takeFirst(target, ['reset', 'stall', 'truncate']);
        return fault?.kind === 'reset' || fault?.kind === 'stall' || fault?.kind === 'truncate'
          ? fault
          : undefined;
      }),
      schematicId: once(() => {
        const fault = this.takeFirst(target, ['schematic-id']);
        return fault?.kind === 'schematic-id' ? fault.id : undefined;
      }),
    };
  }
}
