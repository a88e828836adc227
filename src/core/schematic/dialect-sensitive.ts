// Strings whose canonical encoding differs between factory releases (§7): YAML 1.1 words,
// base-60 numbers, `<<`, a lone "\n" and literals starting with a line break. An offline run
// warns about them, because its locally computed ID then depends on the factory release.
import { literalHeader } from './literal-block.js';
import { chooseStringStyle } from './string-style.js';
import type { OptionValue, Schematic } from './types.js';

function renderingDiffers(text: string, isKey: boolean): boolean {
  const current = chooseStringStyle(text, { isKey, dialect: 'v1.5' });
  const legacy = chooseStringStyle(text, { isKey, dialect: 'legacy' });
  if (current !== legacy) return true;
  return current === 'literal' && literalHeader(text, 'v1.5') !== literalHeader(text, 'legacy');
}

function optionStrings(value: OptionValue, into: string[]): void {
  if (value.kind === 'string') into.push(value.value);
  if (value.kind === 'seq') value.items.forEach((item) => optionStrings(item, into));
  if (value.kind === 'map') optionMapStrings(value.entries, into);
}

function optionMapStrings(entries: ReadonlyMap<string, OptionValue>, into: string[]): void {
  for (const [key, value] of entries) {
    into.push(key);
    optionStrings(value, into);
  }
}

function allStrings(s: Schematic): string[] {
  const c = s.customization;
  const strings: string[] = [];
  if (s.overlay !== undefined) strings.push(s.overlay.image, s.overlay.name);
  if (s.overlay?.options !== undefined) optionMapStrings(s.overlay.options, strings);
  if (c.embeddedMachineConfiguration !== undefined) strings.push(c.embeddedMachineConfiguration);
  strings.push(...(c.extraKernelArgs ?? []));
  strings.push(...(c.meta ?? []).map((m) => m.value));
  strings.push(...(c.systemExtensions?.officialExtensions ?? []));
  if (c.secureboot?.enrollKeys !== undefined) strings.push(c.secureboot.enrollKeys);
  return strings;
}

/** The distinct strings of `s` whose encoding differs between factory releases, in field order. */
export function dialectSensitiveStrings(s: Schematic): string[] {
  const found = allStrings(s).filter((text) => renderingDiffers(text, false));
  return [...new Set(found)];
}
