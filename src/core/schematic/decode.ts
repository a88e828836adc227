// decodeSchematic: reads schematic YAML exactly as the factory does (§3), so the ID computed
// locally is the one the factory will give, plus the client policy of §4.4 and §6.
import type { Node } from 'yaml';
import { isSeq } from 'yaml';
import { DecodeContext, describeKind, isNullNode } from './decode-context.js';
import type { SeqNode } from './decode-context.js';
import { readFields } from './decode-fields.js';
import type { Field } from './decode-fields.js';
import { decodeOptions } from './decode-options.js';
import {
  decodeBool,
  decodeBootloader,
  decodeString,
  decodeStringList,
  decodeUint,
} from './decode-scalars.js';
import type { Customization, MetaValue, Overlay, Schematic } from './types.js';
import { parseFirstDocument } from './yaml-source.js';

const ROOT_KEYS = ['overlay', 'customization'];
const OVERLAY_KEYS = ['image', 'name', 'options'];
const CUSTOMIZATION_KEYS = [
  'embeddedMachineConfiguration',
  'extraKernelArgs',
  'meta',
  'systemExtensions',
  'bootloader',
  'secureboot',
  'diskImage',
];

const OWNER_REFUSAL = {
  owner: {
    message: 'the field "owner" is for Image Factory Enterprise; the community factory rejects it',
    hint: 'Remove the owner field.',
  },
};

const valueOf = (field: Field | undefined): Node | null => field?.value ?? null;
const nonEmpty = <T>(items: readonly T[]): readonly T[] | undefined =>
  items.length > 0 ? items : undefined;

function decodeOverlay(ctx: DecodeContext, node: Node | null): Overlay | undefined {
  const fields = readFields(ctx, node, 'overlay', { where: 'under overlay', known: OVERLAY_KEYS });
  const image = decodeString(ctx, valueOf(fields.get('image')), 'overlay.image');
  const name = decodeString(ctx, valueOf(fields.get('name')), 'overlay.name');
  const options = decodeOptions(ctx, valueOf(fields.get('options')), 'overlay.options');
  // A zero overlay is omitted by the encoder, so it decodes to "no overlay".
  if (image === '' && name === '' && options.size === 0) return undefined;
  return options.size > 0 ? { image, name, options } : { image, name };
}

function decodeMeta(ctx: DecodeContext, node: Node | null): MetaValue[] {
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
    const item = ctx.deref(raw);
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

function decodeCustomization(ctx: DecodeContext, node: Node | null): Customization {
  const fields = readFields(ctx, node, 'customization', {
    where: 'under customization',
    known: CUSTOMIZATION_KEYS,
  });
  const field = (key: string): Node | null => valueOf(fields.get(key));
  const extensionsFields = readFields(
    ctx,
    field('systemExtensions'),
    'customization.systemExtensions',
    { where: 'under systemExtensions', known: ['officialExtensions'] },
  );
  const secureFields = readFields(ctx, field('secureboot'), 'customization.secureboot', {
    where: 'under secureboot',
    known: ['enrollKeys', 'includeWellKnownCertificates'],
  });
  const diskFields = readFields(ctx, field('diskImage'), 'customization.diskImage', {
    where: 'under diskImage',
    known: ['sectorSize'],
  });

  const embedded = decodeString(
    ctx,
    field('embeddedMachineConfiguration'),
    'customization.embeddedMachineConfiguration',
  );
  const kernelArgs = decodeStringList(
    ctx,
    field('extraKernelArgs'),
    'customization.extraKernelArgs',
  );
  const meta = decodeMeta(ctx, field('meta'));
  const extensions = decodeStringList(
    ctx,
    valueOf(extensionsFields.get('officialExtensions')),
    'customization.systemExtensions.officialExtensions',
  );
  const bootloader = decodeBootloader(ctx, field('bootloader'), 'customization.bootloader');
  const enrollKeys = decodeString(
    ctx,
    valueOf(secureFields.get('enrollKeys')),
    'customization.secureboot.enrollKeys',
  );
  const wellKnown = decodeBool(
    ctx,
    valueOf(secureFields.get('includeWellKnownCertificates')),
    'customization.secureboot.includeWellKnownCertificates',
  );
  const sectorSize = decodeUint(
    ctx,
    valueOf(diskFields.get('sectorSize')),
    'customization.diskImage.sectorSize',
    BigInt(Number.MAX_SAFE_INTEGER),
  );

  // Zero values are left out, as the factory's omitempty would drop them on encoding.
  const customization: Record<string, unknown> = {};
  if (embedded !== '') customization['embeddedMachineConfiguration'] = embedded;
  if (kernelArgs.length > 0) customization['extraKernelArgs'] = kernelArgs;
  if (meta.length > 0) customization['meta'] = meta;
  if (nonEmpty(extensions)) customization['systemExtensions'] = { officialExtensions: extensions };
  if (bootloader !== 'none') customization['bootloader'] = bootloader;
  if (enrollKeys !== '' || wellKnown) {
    customization['secureboot'] = {
      ...(enrollKeys !== '' ? { enrollKeys } : {}),
      ...(wellKnown ? { includeWellKnownCertificates: true } : {}),
    };
  }
  if (sectorSize !== 0) customization['diskImage'] = { sectorSize };
  return customization as Customization;
}

/** Decodes schematic YAML as the factory does; `file` names the source in error locations. */
export function decodeSchematic(text: string, file: string): Schematic {
  const { root, lineCounter, document } = parseFirstDocument(text, file);
  const ctx = new DecodeContext(file, lineCounter, document);
  const fields = readFields(ctx, ctx.deref(root), '', {
    where: 'at the top level',
    known: ROOT_KEYS,
    refused: OWNER_REFUSAL,
  });
  const overlay = decodeOverlay(ctx, valueOf(fields.get('overlay')));
  const customization = decodeCustomization(ctx, valueOf(fields.get('customization')));
  return overlay === undefined ? { customization } : { overlay, customization };
}
