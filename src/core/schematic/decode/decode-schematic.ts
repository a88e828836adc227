// decodeSchematic: reads schematic YAML exactly as the factory does (docs/factory-protocol.md §3),
// so the ID computed locally is the one the factory will give, plus the client policy of
// docs/factory-protocol.md §4.4 and §6.
import type { Node } from 'yaml';
import { DecodeContext } from './context.js';
import { decodeCustomization } from './customization.js';
import { readFields } from './fields.js';
import type { Field } from './fields.js';
import { decodeOptions } from './overlay-options.js';
import { decodeString } from './strings.js';
import type { Overlay, Schematic } from '../types.js';
import { parseFirstDocument } from './yaml-source.js';

const ROOT_KEYS = ['overlay', 'customization'];
const OVERLAY_KEYS = ['image', 'name', 'options'];
const OWNER_REFUSAL = {
  owner: {
    message: 'the field "owner" is for Image Factory Enterprise; the community factory rejects it',
    hint: 'Remove the owner field.',
  },
};

const valueOf = (field: Field | undefined): Node | null => field?.value ?? null;

function decodeOverlay(ctx: DecodeContext, node: Node | null): Overlay | undefined {
  const fields = readFields(ctx, node, 'overlay', { where: 'under overlay', known: OVERLAY_KEYS });
  const image = decodeString(ctx, valueOf(fields.get('image')), 'overlay.image');
  const name = decodeString(ctx, valueOf(fields.get('name')), 'overlay.name');
  const options = decodeOptions(ctx, valueOf(fields.get('options')), 'overlay.options');
  // A zero overlay is omitted by the encoder, so it decodes to "no overlay".
  if (image === '' && name === '' && options.size === 0) return undefined;
  return options.size > 0 ? { image, name, options } : { image, name };
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
