// Which injected faults apply to one request. Rules are consumed in order; `times` counts down
// per rule so "503 twice, then the real answer" is one rule with times: 2.
import type { Fault, FaultRule } from './types.js';

export type BodyFault = Extract<Fault, { kind: 'reset' | 'stall' | 'truncate' }>;

/** The faults chosen for one request, already counted against their rules. */
export interface RequestFaults {
  readonly status?: Extract<Fault, { kind: 'status' }>;
  readonly delayMs: number;
  readonly body?: BodyFault;
  readonly schematicId?: string;
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

export class FaultBook {
  private readonly rules: LiveRule[] = [];

  constructor(initial: readonly FaultRule[] = []) {
    for (const rule of initial) this.add(rule);
  }

  add(rule: FaultRule): void {
    this.rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  /** Picks the faults for a request; the first live rule of each kind wins. */
  take(target: FaultTarget): RequestFaults {
    let status: RequestFaults['status'];
    let body: BodyFault | undefined;
    let schematicId: string | undefined;
    let delayMs = 0;
    for (const live of this.rules) {
      if (live.remaining <= 0 || !matches(live.rule, target)) continue;
      const fault = live.rule.fault;
      let used = true;
      switch (fault.kind) {
        case 'status':
          if (status) used = false;
          else status = fault;
          break;
        case 'delay':
          delayMs += fault.ms;
          break;
        case 'schematic-id':
          if (schematicId !== undefined) used = false;
          else schematicId = fault.id;
          break;
        case 'reset':
        case 'stall':
        case 'truncate':
          if (body) used = false;
          else body = fault;
          break;
      }
      if (used) live.remaining -= 1;
    }
    return {
      delayMs,
      ...(status ? { status } : {}),
      ...(body ? { body } : {}),
      ...(schematicId !== undefined ? { schematicId } : {}),
    };
  }
}
