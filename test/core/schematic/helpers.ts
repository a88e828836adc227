// Shared helpers for the schematic codec tests.
import { SchematicError } from '../../../src/core/errors.js';
import { decodeSchematic, encodeCanonical } from '../../../src/core/schematic/index.js';
import type { EncoderDialect } from '../../../src/core/schematic/index.js';

const ITEM_PREFIX = '        - ';

/** How the encoder writes `text` as a kernel argument: the text after `- ` (one line only). */
export function renderedArg(text: string, dialect: EncoderDialect = 'v1.5'): string {
  const canonical = encodeCanonical({ customization: { extraKernelArgs: [text] } }, { dialect });
  const lines = canonical.split('\n');
  const item = lines[2] ?? '';
  if (!item.startsWith(ITEM_PREFIX)) throw new Error(`unexpected layout: ${canonical}`);
  return item.slice(ITEM_PREFIX.length);
}

/** Everything after `customization:\n    extraKernelArgs:\n` for one argument. */
export function argBlock(text: string, dialect: EncoderDialect = 'v1.5'): string {
  const canonical = encodeCanonical({ customization: { extraKernelArgs: [text] } }, { dialect });
  return canonical.slice('customization:\n    extraKernelArgs:\n'.length);
}

/** The SchematicError that decoding `yaml` throws; fails the test when it decodes. */
export function decodeError(yaml: string, file = 'bad.yaml'): SchematicError {
  try {
    decodeSchematic(yaml, file);
  } catch (error) {
    if (error instanceof SchematicError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(yaml)} to be rejected`);
}
