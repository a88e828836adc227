// Turns a Schematic into the tree the factory's Go struct marshals to: declaration order, and
// omitempty applied field by field (docs/factory-protocol.md §4.2).
import { SchematicError } from '../../errors.js';
import { formatGoFloat } from './go-float.js';
import { compareOptionKeys } from './option-key-order.js';
import type { Customization, OptionValue, Overlay, Schematic } from '../types.js';
import { map, raw, seq, str } from './yaml-tree.js';
import type { YamlNode } from './yaml-tree.js';

type Entry = readonly [string, YamlNode];

/** Typed callers can pass any number; the Go struct holds only unsigned integers. */
function wholeNumber(value: number, max: number, path: string): string {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new SchematicError(`${path}: ${value} is not a whole number from 0 to ${max}`, {
      path,
      hint: `Set ${path} to a whole number from 0 to ${max}.`,
    });
  }
  return String(value);
}

function optionNode(value: OptionValue): YamlNode {
  switch (value.kind) {
    case 'null':
      return raw('null');
    case 'bool':
      return raw(value.value ? 'true' : 'false');
    case 'int':
      return raw(value.value.toString());
    case 'float':
      return raw(formatGoFloat(value.value));
    case 'timestamp':
      return raw(value.text);
    case 'string':
      return str(value.value);
    case 'seq':
      return seq(value.items.map(optionNode));
    case 'map':
      return optionsNode(value.entries);
  }
}

function optionsNode(entries: ReadonlyMap<string, OptionValue>): YamlNode {
  const keys = [...entries.keys()].sort(compareOptionKeys);
  return map(keys.map((key) => [key, optionNode(entries.get(key) ?? { kind: 'null' })]));
}

function overlayEntries(overlay: Overlay | undefined): Entry[] {
  const options = overlay?.options;
  const hasOptions = options !== undefined && options.size > 0;
  if (overlay === undefined || (overlay.image === '' && overlay.name === '' && !hasOptions)) {
    return [];
  }
  // All or nothing: image and name have no omitempty, so they appear even when empty.
  const fields: Entry[] = [
    ['image', str(overlay.image)],
    ['name', str(overlay.name)],
  ];
  if (hasOptions) fields.push(['options', optionsNode(options)]);
  return [['overlay', map(fields)]];
}

const nonEmptyList = (items: readonly string[] | undefined): items is readonly string[] =>
  items !== undefined && items.length > 0;

function customizationNode(c: Customization): YamlNode {
  const fields: Entry[] = [];
  if (c.embeddedMachineConfiguration) {
    fields.push(['embeddedMachineConfiguration', str(c.embeddedMachineConfiguration)]);
  }
  if (nonEmptyList(c.extraKernelArgs)) {
    fields.push(['extraKernelArgs', seq(c.extraKernelArgs.map(str))]);
  }
  if (c.meta !== undefined && c.meta.length > 0) {
    const items = c.meta.map((m, i) =>
      map([
        ['key', raw(wholeNumber(m.key, 255, `customization.meta[${i}].key`))],
        ['value', str(m.value)],
      ]),
    );
    fields.push(['meta', seq(items)]);
  }
  const extensions = c.systemExtensions?.officialExtensions;
  if (nonEmptyList(extensions)) {
    fields.push(['systemExtensions', map([['officialExtensions', seq(extensions.map(str))]])]);
  }
  if (c.bootloader !== undefined && c.bootloader !== 'none') {
    fields.push(['bootloader', str(c.bootloader)]);
  }
  const secureboot: Entry[] = [];
  if (c.secureboot?.enrollKeys) secureboot.push(['enrollKeys', str(c.secureboot.enrollKeys)]);
  if (c.secureboot?.includeWellKnownCertificates) {
    secureboot.push(['includeWellKnownCertificates', raw('true')]);
  }
  if (secureboot.length > 0) fields.push(['secureboot', map(secureboot)]);
  if (c.diskImage?.sectorSize) {
    fields.push([
      'diskImage',
      map([
        [
          'sectorSize',
          raw(
            wholeNumber(
              c.diskImage.sectorSize,
              Number.MAX_SAFE_INTEGER,
              'customization.diskImage.sectorSize',
            ),
          ),
        ],
      ]),
    ]);
  }
  return map(fields);
}

export function schematicTree(schematic: Schematic): YamlNode {
  return map([
    ...overlayEntries(schematic.overlay),
    ['customization', customizationNode(schematic.customization)],
  ]);
}
