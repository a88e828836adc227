// Strings whose canonical encoding differs between factory releases (docs/factory-protocol.md §7):
// YAML 1.1 words, base-60 numbers, `<<`, a lone "\n" and literals starting with a line break. An
// offline run warns about them, because its locally computed ID then depends on the factory
// release.
import { literalHeader } from '../encode/literal-block.js';
import { chooseStringStyle } from '../encode/string-style.js';
import type { OptionValue, Schematic } from '../types.js';

function renderingDiffers(text: string, isKey: boolean): boolean {
  const current = chooseStringStyle(text, { isKey, dialect: 'v1.5' });
  const legacy = chooseStringStyle(text, { isKey, dialect: 'legacy' });
  if (current !== legacy) return true;
  return current === 'literal' && literalHeader(text, 'v1.5') !== literalHeader(text, 'legacy');
}

/** A string of the schematic, and whether it is written as a mapping key (never a literal). */
type Placed = readonly [text: string, isKey: boolean];

function optionStrings(value: OptionValue, into: Placed[]): void {
  if (value.kind === 'string') into.push([value.value, false]);
  if (value.kind === 'seq') value.items.forEach((item) => optionStrings(item, into));
  if (value.kind === 'map') optionMapStrings(value.entries, into);
}

function optionMapStrings(entries: ReadonlyMap<string, OptionValue>, into: Placed[]): void {
  for (const [key, value] of entries) {
    into.push([key, true]);
    optionStrings(value, into);
  }
}

function allStrings(s: Schematic): Placed[] {
  const c = s.customization;
  const value = (text: string): Placed => [text, false];
  const placed: Placed[] = [];
  if (s.overlay !== undefined) placed.push(value(s.overlay.image), value(s.overlay.name));
  if (s.overlay?.options !== undefined) optionMapStrings(s.overlay.options, placed);
  if (c.embeddedMachineConfiguration) placed.push(value(c.embeddedMachineConfiguration));
  placed.push(...(c.extraKernelArgs ?? []).map(value));
  placed.push(...(c.meta ?? []).map((m) => value(m.value)));
  placed.push(...(c.systemExtensions?.officialExtensions ?? []).map(value));
  if (c.secureboot?.enrollKeys) placed.push(value(c.secureboot.enrollKeys));
  return placed;
}

/** The distinct strings of `s` whose encoding differs between factory releases, in field order. */
export function dialectSensitiveStrings(s: Schematic): string[] {
  const found = allStrings(s)
    .filter(([text, isKey]) => renderingDiffers(text, isKey))
    .map(([text]) => text);
  return [...new Set(found)];
}
