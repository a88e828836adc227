// docs/factory-protocol.md §3.2 and §4.6: overlay.options typed by the YAML core rules, sorted in
// go-yaml's natural key order, with floats and timestamps re-spelled as Go writes them.
import { describe, expect, it } from 'vitest';
import { decodeSchematic, encodeCanonical } from '../../../src/core/schematic/index.js';
import type { OptionValue } from '../../../src/core/schematic/index.js';

const TRUE: OptionValue = { kind: 'bool', value: true };

function optionsBlock(options: ReadonlyMap<string, OptionValue>): string {
  const canonical = encodeCanonical({
    overlay: { image: 'i', name: 'n', options },
    customization: {},
  });
  const start = canonical.indexOf('    options:\n') + '    options:\n'.length;
  return canonical.slice(start, canonical.indexOf('customization:'));
}

const keysOf = (block: string): string[] =>
  block
    .split('\n')
    .filter((line) => /^ {8}\S/.test(line))
    .map((line) => line.trim().split(':')[0] ?? '');

describe('option key order', () => {
  it('sorts _ 9 10 A a configTxtAppend z', () => {
    const keys = ['z', 'configTxtAppend', 'a', 'A', '10', '9', '_'];
    const block = optionsBlock(new Map(keys.map((k) => [k, TRUE])));
    expect(keysOf(block)).toEqual(['_', '"9"', '"10"', 'A', 'a', 'configTxtAppend', 'z']);
  });

  it('puts a1 before a01 and b before configTxtAppend', () => {
    const block = optionsBlock(
      new Map(['a01', 'configTxtAppend', 'a1', 'b'].map((k) => [k, TRUE])),
    );
    expect(keysOf(block)).toEqual(['a1', 'a01', 'b', 'configTxtAppend']);
  });

  it('compares digit runs as numbers: x2 before x10, letters after digits following a digit', () => {
    const block = optionsBlock(new Map(['x10', 'x2', 'x1a', 'x1_'].map((k) => [k, TRUE])));
    expect(keysOf(block)).toEqual(['x1a', 'x1_', 'x2', 'x10']);
  });

  it('sorts nested mappings too', () => {
    const inner: OptionValue = {
      kind: 'map',
      entries: new Map([
        ['b', TRUE],
        ['a', TRUE],
      ]),
    };
    expect(optionsBlock(new Map([['m', inner]]))).toBe(
      '        m:\n            a: true\n            b: true\n',
    );
  });
});

describe('option values', () => {
  const decodeOptions = (body: string): string =>
    encodeCanonical(decodeSchematic(`overlay:\n  image: i\n  options:\n${body}`, 'o.yaml'));

  it('types plain scalars by the core rules and keeps quoted ones as strings', () => {
    const canonical = decodeOptions(
      '    a: ~\n    b: True\n    c: yes\n    d: "1"\n    e: 0x10\n    f: 1_000\n    g: \'true\'\n',
    );
    expect(canonical).toContain(
      '        a: null\n        b: true\n        c: \'yes\'\n        d: "1"\n        e: 16\n' +
        '        f: 1000\n        g: "true"\n',
    );
  });

  it.each([
    ['1000000.0', '1e+06'],
    ['1234567.0', '1.234567e+06'],
    ['0.00001', '1e-05'],
    ['123456789.0', '1.23456789e+08'],
    ['2.0', '2'],
    ['1.5', '1.5'],
    ['.5', '0.5'],
    ['-.inf', '-.inf'],
    ['.NaN', '.nan'],
    ['-0.0', '-0'],
    ['99999999999999999999', '1e+20'],
  ])('writes the float %s as %s', (input, expected) => {
    expect(decodeOptions(`    x: ${input}\n`)).toContain(`        x: ${expected}\n`);
  });

  it('keeps integers beyond 2^53 exact and reads the uint64 range', () => {
    expect(decodeOptions('    u: 18446744073709551615\n    v: -9223372036854775808\n')).toContain(
      '        u: 18446744073709551615\n        v: -9223372036854775808\n',
    );
  });

  it.each([
    ['2024-01-01', '2024-01-01T00:00:00Z'],
    ['2024-1-2 3:4:5.120', '2024-01-02T03:04:05.12Z'],
    ['2024-01-02t10:00:00+02:00', '2024-01-02T10:00:00+02:00'],
    ['2024-01-02T10:00:00.000000000001-00:00', '2024-01-02T10:00:00Z'],
  ])('re-emits the timestamp %s as %s', (input, expected) => {
    expect(decodeOptions(`    x: ${input}\n`)).toContain(`        x: ${expected}\n`);
  });

  it('keeps a quoted timestamp a string', () => {
    expect(decodeOptions("    x: '2024-01-01'\n")).toContain('        x: "2024-01-01"\n');
  });

  it('lays out nested sequences and mappings and writes empty ones in flow style', () => {
    const canonical = decodeOptions('    b: [[1, 2], {x: {}, y: [{p: q, r: [s]}]}, []]\n');
    expect(canonical).toContain(
      [
        '        b:',
        '            - - 1',
        '              - 2',
        '            - x: {}',
        "              'y':",
        '                - p: q',
        '                  r:',
        '                    - s',
        '            - []',
        '',
      ].join('\n'),
    );
  });
});
