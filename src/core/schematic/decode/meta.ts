// customization.meta: a list of {key, value}, keys uint8 in any Go integer spelling. Duplicate keys
// are refused by client policy (docs/factory-protocol.md §6), since the factory would keep both.
import { isSeq } from 'yaml';
import type { Node } from 'yaml';
import { describeKind, isNullNode } from './context.js';
import type { DecodeContext, SeqNode } from './context.js';
import { readFields } from './fields.js';
import type { Field } from './fields.js';
import { decodeString } from './strings.js';
import { decodeUint } from './typed-values.js';
import type { MetaValue } from '../types.js';

const valueOf = (field: Field | undefined): Node | null => field?.value ?? null;

export function decodeMeta(ctx: DecodeContext, node: Node | null): MetaValue[] {
  if (isNullNode(node)) return [];
  if (!isSeq(node)) {
    ctx.fail(
      node,
      'customization.meta',
      `expected a list, found ${describeKind(node)}`,
      'Write each META entry as "- key: 10" with "value: ..." on the next line.',
    );
  }
  const seen = new Map<number, string>();
  const meta: MetaValue[] = [];
  (node as SeqNode).items.forEach((raw, index) => {
    const item = ctx.deref(raw, `customization.meta[${index}]`);
    if (isNullNode(item)) return;
    const path = `customization.meta[${index}]`;
    const fields = readFields(ctx, item, path, {
      where: 'in a META entry',
      known: ['key', 'value'],
    });
    const keyField = fields.get('key');
    const key = decodeUint(ctx, valueOf(keyField), `${path}.key`, 255n);
    const value = decodeString(ctx, valueOf(fields.get('value')), `${path}.value`);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      ctx.fail(
        keyField?.value ?? item,
        `${path}.key`,
        `META key ${key} is already set by ${earlier}`,
        'Give each META key once: merge the values or remove one entry.',
      );
    }
    seen.set(key, path);
    meta.push({ key, value });
  });
  return meta;
}
