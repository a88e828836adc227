// What changed between two releases' schematics, in the terms operators think in: kernel
// arguments and META values, plus the whole canonical text as a unified diff for the rest.
import { decodeSchematic } from '../schematic/index.js';
import type { ReleaseManifest } from '../manifest/index.js';
import { unifiedDiff } from './unified.js';

export interface MetaChange {
  readonly key: number;
  /** Absent when the key was added. */
  readonly from?: string | undefined;
  /** Absent when the key was removed. */
  readonly to?: string | undefined;
}

export interface SchematicChanges {
  readonly fromId: string;
  readonly toId: string;
  readonly changed: boolean;
  readonly kernelArgs: {
    readonly added: string[];
    readonly removed: string[];
    /** Same arguments, another order (the order can matter, e.g. several console=). */
    readonly reordered: boolean;
  };
  readonly meta: MetaChange[];
  /** The canonical schematic texts as a unified diff; empty when equal. */
  readonly unified: string;
}

export function schematicChanges(from: ReleaseManifest, to: ReleaseManifest): SchematicChanges {
  const side = (m: ReleaseManifest): SchematicSide => ({
    label: m.releaseVersion,
    text: m.talos.schematic,
    id: m.talos.schematicId,
  });
  return compareSchematics(side(from), side(to));
}

/** One canonical schematic, named for messages and diff headers (a release version). */
export interface SchematicSide {
  readonly label: string;
  readonly text: string;
  readonly id: string;
}

export function compareSchematics(from: SchematicSide, to: SchematicSide): SchematicChanges {
  const before = decodeSchematic(from.text, `${from.label} talos.schematic`);
  const after = decodeSchematic(to.text, `${to.label} talos.schematic`);
  const oldArgs = before.customization.extraKernelArgs ?? [];
  const newArgs = after.customization.extraKernelArgs ?? [];
  const added = multisetMinus(newArgs, oldArgs);
  const removed = multisetMinus(oldArgs, newArgs);
  const reordered =
    added.length === 0 && removed.length === 0 && oldArgs.some((arg, i) => arg !== newArgs[i]);
  return {
    fromId: from.id,
    toId: to.id,
    changed: from.text !== to.text,
    kernelArgs: { added, removed, reordered },
    meta: metaChanges(before.customization.meta ?? [], after.customization.meta ?? []),
    unified: unifiedDiff(
      from.text,
      to.text,
      `${from.label}/schematic.yaml`,
      `${to.label}/schematic.yaml`,
    ),
  };
}

/** `items` without one occurrence of each entry of `other`, order kept. */
function multisetMinus(items: readonly string[], other: readonly string[]): string[] {
  const left = [...other];
  return items.filter((item) => {
    const at = left.indexOf(item);
    if (at === -1) return true;
    left.splice(at, 1);
    return false;
  });
}

function metaChanges(
  before: readonly { key: number; value: string }[],
  after: readonly { key: number; value: string }[],
): MetaChange[] {
  const old = new Map(before.map((entry) => [entry.key, entry.value]));
  const next = new Map(after.map((entry) => [entry.key, entry.value]));
  const keys = [...new Set([...old.keys(), ...next.keys()])].sort((a, b) => a - b);
  return keys
    .filter((key) => old.get(key) !== next.get(key))
    .map((key) => ({ key, from: old.get(key), to: next.get(key) }));
}
