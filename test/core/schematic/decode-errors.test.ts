// Every rejection of the decoder (§3 plus the client policy) points at the line and column and
// says how to fix it.
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../../src/core/errors.js';
import { decodeError } from './helpers.js';

interface Case {
  readonly name: string;
  readonly yaml: string;
  readonly line: number;
  readonly column: number;
  readonly path?: string;
  readonly message: string;
  readonly hint: string;
}

const cases: readonly Case[] = [
  {
    name: 'empty file',
    yaml: '',
    line: 1,
    column: 1,
    message: 'the schematic is empty',
    hint: 'customization: {}',
  },
  {
    name: 'comments only',
    yaml: '# nothing\n',
    line: 1,
    column: 1,
    message: 'the schematic is empty',
    hint: 'vanilla',
  },
  {
    name: 'unknown field, with the closest valid key',
    yaml: 'customization:\n  extraKernelArg: [a]\n',
    line: 2,
    column: 3,
    path: 'customization.extraKernelArg',
    message: 'unknown field "extraKernelArg"',
    hint: 'Did you mean "extraKernelArgs"? Valid keys under customization: embeddedMachineConfiguration, extraKernelArgs',
  },
  {
    name: 'unknown field at the top level',
    yaml: 'customization: {}\nversion: v1.12.0\n',
    line: 2,
    column: 1,
    path: 'version',
    message: 'unknown field "version"',
    hint: 'Valid keys at the top level: overlay, customization.',
  },
  {
    name: 'unknown field in an overlay',
    yaml: 'overlay:\n  imgae: x\n',
    line: 2,
    column: 3,
    path: 'overlay.imgae',
    message: 'unknown field',
    hint: 'Did you mean "image"?',
  },
  {
    name: 'owner (Enterprise only)',
    yaml: 'customization: {}\nowner: me\n',
    line: 2,
    column: 1,
    path: 'owner',
    message: 'community factory rejects it',
    hint: 'Remove the owner field.',
  },
  {
    name: 'duplicate key',
    yaml: 'customization:\n  extraKernelArgs: [a]\n  extraKernelArgs: [b]\n',
    line: 3,
    column: 3,
    path: 'customization.extraKernelArgs',
    message: 'duplicate key "extraKernelArgs"',
    hint: 'remove the other',
  },
  {
    name: 'duplicate option key',
    yaml: 'overlay:\n  options:\n    a: 1\n    "a": 2\n',
    line: 4,
    column: 5,
    path: 'overlay.options.a',
    message: 'duplicate key "a"',
    hint: 'remove the other',
  },
  {
    name: 'a mapping where a string list is expected',
    yaml: 'customization:\n  extraKernelArgs: {a: b}\n',
    line: 2,
    column: 20,
    path: 'customization.extraKernelArgs',
    message: 'expected a list, found a mapping',
    hint: '"- "',
  },
  {
    name: 'a sequence where a mapping is expected',
    yaml: 'customization: [a]\n',
    line: 1,
    column: 16,
    path: 'customization',
    message: 'expected a mapping, found a sequence',
    hint: 'Valid keys under customization',
  },
  {
    name: 'unquoted JSON in a META value',
    yaml: 'customization:\n  meta:\n    - key: 10\n      value: {}\n',
    line: 4,
    column: 14,
    path: 'customization.meta[0].value',
    message: 'expected a string, found a mapping',
    hint: 'JSON must be quoted',
  },
  {
    name: 'quoted META key',
    yaml: 'customization:\n  meta:\n    - key: "10"\n      value: x\n',
    line: 3,
    column: 12,
    path: 'customization.meta[0].key',
    message: 'found the quoted string "10"',
    hint: 'Remove the quotes.',
  },
  {
    name: 'negative META key',
    yaml: 'customization:\n  meta:\n    - key: -1\n      value: x\n',
    line: 3,
    column: 12,
    path: 'customization.meta[0].key',
    message: '-1 is out of range',
    hint: 'from 0 to 255',
  },
  {
    name: 'META key above 255',
    yaml: 'customization:\n  meta:\n    - {key: 0x100, value: x}\n',
    line: 3,
    column: 13,
    path: 'customization.meta[0].key',
    message: '0x100 is out of range',
    hint: 'from 0 to 255',
  },
  {
    name: 'float META key',
    yaml: 'customization:\n  meta:\n    - key: 1.0\n      value: x\n',
    line: 3,
    column: 12,
    path: 'customization.meta[0].key',
    message: 'expected a whole number',
    hint: 'e.g. 10 or 0xa',
  },
  {
    name: 'duplicate META key (client policy), spelled differently',
    yaml: 'customization:\n  meta:\n    - key: 10\n      value: a\n    - key: 0xa\n      value: b\n',
    line: 5,
    column: 12,
    path: 'customization.meta[1].key',
    message: 'META key 10 is already set by customization.meta[0]',
    hint: 'Give each META key once',
  },
  {
    name: 'quoted sector size',
    yaml: 'customization:\n  diskImage:\n    sectorSize: "4096"\n',
    line: 3,
    column: 17,
    path: 'customization.diskImage.sectorSize',
    message: 'quoted string',
    hint: 'Remove the quotes.',
  },
  {
    name: 'negative sector size',
    yaml: 'customization:\n  diskImage:\n    sectorSize: -512\n',
    line: 3,
    column: 17,
    path: 'customization.diskImage.sectorSize',
    message: 'out of range',
    hint: 'whole number',
  },
  {
    name: 'quoted "true" for a bool',
    yaml: 'customization:\n  secureboot:\n    includeWellKnownCertificates: "true"\n',
    line: 3,
    column: 35,
    path: 'customization.secureboot.includeWellKnownCertificates',
    message: 'expected true or false',
    hint: 'without quotes',
  },
  {
    name: 'bootloader auto',
    yaml: 'customization:\n  bootloader: auto\n',
    line: 2,
    column: 15,
    path: 'customization.bootloader',
    message: 'auto does not belong to BootloaderKind values',
    hint: 'Leave the bootloader field out: "auto" means not setting it.',
  },
  {
    name: 'unknown bootloader',
    yaml: 'customization:\n  bootloader: lilo\n',
    line: 2,
    column: 15,
    path: 'customization.bootloader',
    message: 'unknown bootloader "lilo"',
    hint: 'none, dual-boot, sd-boot, grub',
  },
  {
    name: 'plain timestamp as a string',
    yaml: 'customization:\n  extraKernelArgs:\n    - 2024-01-02\n',
    line: 3,
    column: 7,
    path: 'customization.extraKernelArgs[0]',
    message: 'read as a timestamp',
    hint: "Quote it: '2024-01-02'.",
  },
  {
    name: 'CR in a string',
    yaml: 'customization:\n  extraKernelArgs: ["a\\rb"]\n',
    line: 2,
    column: 21,
    path: 'customization.extraKernelArgs[0]',
    message: 'carriage return',
    hint: 'Remove it',
  },
  {
    name: 'U+0085 in a string',
    yaml: 'customization:\n  embeddedMachineConfiguration: "a\\Nb"\n',
    line: 2,
    column: 33,
    path: 'customization.embeddedMachineConfiguration',
    message: 'U+0085',
    hint: 'Remove it',
  },
  {
    name: 'U+2028 in a META value',
    yaml: 'customization:\n  meta: [{key: 1, value: "a\\Lb"}]\n',
    line: 2,
    column: 26,
    path: 'customization.meta[0].value',
    message: 'U+2028',
    hint: 'Remove it',
  },
  {
    name: 'U+2029 in an option',
    yaml: 'overlay:\n  options:\n    a: "x\\Py"\n',
    line: 3,
    column: 8,
    path: 'overlay.options.a',
    message: 'U+2029',
    hint: 'Remove it',
  },
  {
    name: 'option key over 128 bytes',
    yaml: `overlay:\n  options:\n    ${'k'.repeat(129)}: 1\n`,
    line: 3,
    column: 5,
    message: 'longer than 128 bytes',
    hint: 'Shorten the key to at most 128 bytes',
  },
  {
    name: 'options that are not a mapping',
    yaml: 'overlay:\n  options: [a]\n',
    line: 2,
    column: 12,
    path: 'overlay.options',
    message: 'expected a mapping',
    hint: 'key: value',
  },
  {
    name: 'merge key',
    yaml: 'customization:\n  <<: {extraKernelArgs: [a]}\n',
    line: 2,
    column: 3,
    path: 'customization.<<',
    message: 'merge keys (<<) are not supported',
    hint: 'Write the fields out in full',
  },
  {
    name: 'unknown anchor',
    yaml: 'overlay:\n  image: i\n  options:\n    a: *nope\n',
    line: 4,
    column: 8,
    path: 'overlay.options.a',
    message: 'unknown anchor "nope"',
    hint: 'Define &nope',
  },
  {
    name: 'an alias inside its own anchor',
    yaml: 'overlay:\n  image: i\n  options: &x\n    a: *x\n',
    line: 4,
    column: 5,
    message: 'options nest deeper than 64 levels',
    hint: 'alias that refers to its own anchor',
  },
  {
    name: 'aliases that expand exponentially',
    yaml: [
      'overlay:',
      '  image: i',
      '  options:',
      '    a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]',
      '    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      '    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      '    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      '',
    ].join('\n'),
    line: 5,
    column: 20,
    message: 'more than 1000 aliases are followed',
    hint: 'Write the values out',
  },
  {
    name: 'tab indentation',
    yaml: 'customization:\n\textraKernelArgs: [a]\n',
    line: 2,
    column: 1,
    message: 'YAML syntax error',
    hint: 'Indent with spaces, not tabs',
  },
  {
    name: 'a tag the factory would not read as a string',
    yaml: 'customization:\n  extraKernelArgs: [!!binary aGk=]\n',
    line: 2,
    column: 30,
    path: 'customization.extraKernelArgs[0]',
    message: 'is not supported here',
    hint: 'Remove the tag',
  },
  {
    name: 'YAML syntax error',
    yaml: 'customization:\n  extraKernelArgs:\n  - a\n - b\n',
    line: 4,
    column: 1,
    message: 'YAML syntax error',
    hint: 'Fix the YAML syntax',
  },
];

describe('decoder rejections', () => {
  it('does not repeat a secret-looking value in a wrong-kind error', () => {
    const error = decodeError('customization:\n  meta: "https://admin:hunter2@example.com/"\n');
    expect(error.message).toContain('expected a list, found a scalar');
    expect(error.message).not.toContain('hunter2');
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const error = decodeError(c.yaml, 'schematics/x.yaml');
    expect(error.exitCode).toBe(ExitCode.badInput);
    expect(error.location).toEqual({ file: 'schematics/x.yaml', line: c.line, column: c.column });
    expect(error.message).toContain(`schematics/x.yaml:${c.line}:${c.column}: `);
    expect(error.message).toContain(c.message);
    expect(error.hint).toContain(c.hint);
    if (c.path !== undefined) expect(error.path).toBe(c.path);
  });
});
