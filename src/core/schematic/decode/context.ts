// Where the decoder is in the file, and how it reports a problem there.
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { SchematicError } from '../../errors.js';
import type { SourceLocation } from '../../errors.js';
import { secretReasonsInText } from '../policy/secret-patterns.js';

const MAX_ALIASES = 1000;

export class DecodeContext {
  constructor(
    readonly file: string,
    private readonly lineCounter: LineCounter,
    private readonly document?: Document,
  ) {}

  locate(node: Node | null | undefined): SourceLocation {
    const offset = node?.range?.[0] ?? 0;
    const position = this.lineCounter.linePos(offset);
    return { file: this.file, line: position.line, column: position.col };
  }

  fail(node: Node | null | undefined, path: string, message: string, hint: string): never {
    const where = path === '' ? '' : `${path}: `;
    throw new SchematicError(`${where}${message}`, { location: this.locate(node), path, hint });
  }

  private aliasesFollowed = 0;

  /** Follows an alias (`*name`) to its anchored node, as go-yaml does, within a budget. */
  deref(node: unknown, path = ''): Node | null {
    if (!isAlias(node)) return (node as Node | null | undefined) ?? null;
    const target = this.document === undefined ? undefined : node.resolve(this.document);
    if (target === undefined) {
      this.fail(
        node,
        path,
        `unknown anchor "${node.source}"`,
        `Define &${node.source} before using *${node.source}.`,
      );
    }
    // Nested aliases can expand exponentially ("billion laughs"); a schematic never needs many.
    this.aliasesFollowed += 1;
    if (this.aliasesFollowed > MAX_ALIASES) {
      this.fail(
        node,
        path,
        `more than ${MAX_ALIASES} aliases are followed`,
        'Write the values out instead of repeating aliases.',
      );
    }
    return target as Node;
  }
}

/**
 * A value quoted for an error message, or undefined when it is long or looks secret: errors are
 * printed and logged, so they must not repeat credentials.
 */
export function quotedForMessage(text: string): string | undefined {
  return text.length <= 40 && secretReasonsInText(text).length === 0
    ? JSON.stringify(text)
    : undefined;
}

export function describeKind(node: Node | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a sequence';
  if (isScalar(node)) {
    const shown = quotedForMessage(String(node.value));
    return shown === undefined ? 'a scalar' : `the scalar ${shown}`;
  }
  return 'an unsupported node';
}

export type ScalarNode = Scalar<unknown>;
export type MapNode = YAMLMap<unknown, unknown>;
export type SeqNode = YAMLSeq<unknown>;

export function isPlain(node: ScalarNode): boolean {
  return node.type === 'PLAIN' && node.tag === undefined;
}

/** A plain null: `~`, `null` or nothing at all. Go leaves the field at its zero value. */
export function isNullNode(node: Node | null): boolean {
  if (node === null) return true;
  return (
    isScalar(node) &&
    isPlain(node) &&
    ['', '~', 'null', 'Null', 'NULL'].includes(String(node.value))
  );
}
