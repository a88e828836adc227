// docs/factory-protocol.md §4.4: the style go-yaml rc.6 gives each string, one row per rule.
import { describe, expect, it } from 'vitest';
import { renderedArg } from './helpers.js';

describe('step 2: YAML 1.1 words are single-quoted (v1.5) and double-quoted (legacy)', () => {
  it.each([
    ['yes', "'yes'", '"yes"'],
    ['Off', "'Off'", '"Off"'],
    ['n', "'n'", '"n"'],
    ['12:30', "'12:30'", '"12:30"'],
    ['1:2:3', "'1:2:3'", '"1:2:3"'],
    ['<<', "'<<'", '"<<"'],
  ])('%s', (text, current, legacy) => {
    expect(renderedArg(text)).toBe(current);
    expect(renderedArg(text, 'legacy')).toBe(legacy);
  });
});

describe('step 3: strings that would re-read as another type are double-quoted', () => {
  it.each([
    ['', '""'],
    ['~', '"~"'],
    ['Null', '"Null"'],
    ['FALSE', '"FALSE"'],
    ['.NaN', '".NaN"'],
    ['-.Inf', '"-.Inf"'],
    ['-0', '"-0"'],
    ['.5', '".5"'],
    ['1', '"1"'],
    ['-5', '"-5"'],
    ['0o17', '"0o17"'],
    ['017', '"017"'],
    ['0b1', '"0b1"'],
    ['1_000', '"1_000"'],
    ['+0x10', '"+0x10"'],
    ['-9223372036854775809', '"-9223372036854775809"'],
    ['18446744073709551616', '"18446744073709551616"'],
    ['1.5', '"1.5"'],
    ['1e3', '"1e3"'],
    ['08', '"08"'],
    ['2024-01-02', '"2024-01-02"'],
    ['2024-1-2T3:04:05Z', '"2024-1-2T3:04:05Z"'],
    ['2024-01-02 10:00:00.5', '"2024-01-02 10:00:00.5"'],
  ])('%j', (text, expected) => {
    expect(renderedArg(text)).toBe(expected);
  });

  it.each([
    '2024-13-01',
    '2024-02-30',
    '2024-01-02T10:00:00',
    '2024-01-02 10:00:00Z',
    '1e999',
    '0x',
    '1.2.3',
    '+',
    '.inf.',
  ])('%j does not re-read as a number or time, so it stays plain', (text) => {
    expect(renderedArg(text)).toBe(text);
  });
});

describe('step 4: plain unless an indicator forbids it', () => {
  it.each([
    'siderolabs/gvisor',
    'console=ttyS0,115200n8',
    'net.ifnames=0',
    '-console',
    'a,b',
    '?q',
    "it's",
    'a:b',
    'a#b',
    'é\u00a0x',
  ])('%j stays plain', (text) => {
    expect(renderedArg(text)).toBe(text);
  });

  it.each([
    ['---x', "'---x'"],
    ['...x', "'...x'"],
    ['{}', "'{}'"],
    ['{"externalIPs":["1.2.3.4"]}', '\'{"externalIPs":["1.2.3.4"]}\''],
    ['#x', "'#x'"],
    ['&a', "'&a'"],
    ['*a', "'*a'"],
    ['!a', "'!a'"],
    ['|a', "'|a'"],
    ['>a', "'>a'"],
    ['%a', "'%a'"],
    ['@a', "'@a'"],
    ['`a', "'`a'"],
    ['"a', "'\"a'"],
    ['"1"', '\'"1"\''],
    ["'a", "'''a'"],
    ['-', "'-'"],
    ['- x', "'- x'"],
    ['? x', "'? x'"],
    [': x', "': x'"],
    ['a: b', "'a: b'"],
    ['foo:', "'foo:'"],
    ['a #b', "'a #b'"],
    [' lead', "' lead'"],
    ['trail ', "'trail '"],
  ])('%j is single-quoted', (text, expected) => {
    expect(renderedArg(text)).toBe(expected);
  });

  it.each([
    ['a\tb', '"a\\tb"'],
    ["it's\ttab", '"it\'s\\ttab"'],
    ['x\u0000', '"x\\0"'],
  ])('%j is double-quoted because single quotes cannot hold it', (text, expected) => {
    expect(renderedArg(text)).toBe(expected);
  });
});

describe('double-quoted escapes', () => {
  it.each([
    ['\u0007\b\v\f\u001b', '"\\a\\b\\v\\f\\e"'],
    ['\r', '"\\r"'],
    ['\u0085', '"\\N"'],
    ['\u007f', '"\\x7F"'],
    ['\u0001', '"\\x01"'],
    ['\u009f', '"\\x9F"'],
    ['\ufeffbom', '"\\uFEFFbom"'],
    ['\uffff', '"\\uFFFF"'],
    ['😀', '"\\U0001F600"'],
    ['a😀b', '"a\\U0001F600b"'],
    ['"1"\t', '"\\"1\\"\\t"'],
    ['\t\\', '"\\t\\\\"'],
    ['é\t', '"é\\t"'],
  ])('%j', (text, expected) => {
    expect(renderedArg(text)).toBe(expected);
  });

  it('writes a quote or backslash raw when the string is plain', () => {
    expect(renderedArg('a"b\\c')).toBe('a"b\\c');
  });
});
