// docs/factory-protocol.md §4.5 and §4.3: literal blocks, their header indicators and the column
// their content sits at.
import { describe, expect, it } from 'vitest';
import { encodeCanonical } from '../../../src/core/schematic/index.js';
import { argBlock } from './helpers.js';

describe('chomping', () => {
  it('strips (|-) a string without a final line break and adds the closing LF', () => {
    expect(argBlock('a\nb')).toBe('        - |-\n          a\n          b\n');
  });

  it('clips (|) a string with one final line break', () => {
    expect(argBlock('a\nb\n')).toBe('        - |\n          a\n          b\n');
  });

  it('keeps (|+) a string with two or more final line breaks, writing them as bare LFs', () => {
    expect(argBlock('a\n\n')).toBe('        - |+\n          a\n\n');
    expect(argBlock('a\n\n\n')).toBe('        - |+\n          a\n\n\n');
  });

  it('writes an empty line inside the block as a bare LF', () => {
    expect(argBlock('a\n\nb')).toBe('        - |-\n          a\n\n          b\n');
  });

  it('keeps tabs inside a literal block', () => {
    expect(argBlock('x\ty\nz')).toBe('        - |-\n          x\ty\n          z\n');
  });
});

describe('indentation indicator', () => {
  it('adds 4 when the string starts with a space', () => {
    expect(argBlock('  x\ny')).toBe('        - |4-\n            x\n          y\n');
  });

  it('adds none for a leading line break in v1.5, and 4 in legacy', () => {
    expect(argBlock('\nabc')).toBe('        - |-\n\n          abc\n');
    expect(argBlock('\nabc', 'legacy')).toBe('        - |4-\n\n          abc\n');
  });
});

describe('when a multi-line string is double-quoted instead', () => {
  it.each([
    ['\n', '"\\n"'],
    ['\n\n', '"\\n\\n"'],
    [' \n ', '" \\n "'],
    ['a \nb', '"a \\nb"'],
    ['a\nb ', '"a\\nb "'],
    ['a\r\nb', '"a\\r\\nb"'],
    ['a\n\u0001', '"a\\n\\x01"'],
  ])('%j', (text, expected) => {
    expect(argBlock(text)).toBe(`        - ${expected}\n`);
  });

  it('legacy writes a lone line break as a |4+ literal', () => {
    expect(argBlock('\n', 'legacy')).toBe('        - |4+\n\n');
  });

  it('a multi-line option key is always double-quoted', () => {
    const options = new Map([['a\nb', { kind: 'bool', value: true } as const]]);
    const canonical = encodeCanonical({
      overlay: { image: 'i', name: 'n', options },
      customization: {},
    });
    expect(canonical).toContain('        "a\\nb": true\n');
  });
});

describe('content columns', () => {
  it('puts META literal content at column 12, two past the value key', () => {
    const canonical = encodeCanonical({
      customization: { meta: [{ key: 12, value: 'line one\nline two\n' }] },
    });
    expect(canonical).toBe(
      'customization:\n    meta:\n        - key: 12\n          value: |\n' +
        '            line one\n            line two\n',
    );
  });

  it('puts embedded configuration content at column 8 and ends the document with its own LF', () => {
    const canonical = encodeCanonical({
      customization: { embeddedMachineConfiguration: 'a: 1\n', extraKernelArgs: ['x'] },
    });
    expect(canonical).toBe(
      'customization:\n    embeddedMachineConfiguration: |\n        a: 1\n' +
        '    extraKernelArgs:\n        - x\n',
    );
  });

  it('writes the 4 indicator for a leading space wherever the block sits', () => {
    const canonical = encodeCanonical({
      customization: {
        embeddedMachineConfiguration: '  indented: true\n',
        meta: [{ key: 1, value: ' x\ny' }],
      },
    });
    expect(canonical).toBe(
      'customization:\n    embeddedMachineConfiguration: |4\n          indented: true\n' +
        '    meta:\n        - key: 1\n          value: |4-\n             x\n            y\n',
    );
  });

  it('writes an empty META value as value: ""', () => {
    expect(encodeCanonical({ customization: { meta: [{ key: 0, value: '' }] } })).toBe(
      'customization:\n    meta:\n        - key: 0\n          value: ""\n',
    );
  });
});
