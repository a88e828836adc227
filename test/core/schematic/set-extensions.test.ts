// setOfficialExtensions edits the user's file: comments and layout stay, only the list changes.
import { describe, expect, it } from 'vitest';
import {
  decodeSchematic,
  encodeCanonical,
  setOfficialExtensions,
} from '../../../src/core/schematic/index.js';

const SOURCE = [
  '# The appliance schematic.',
  'customization:',
  '  extraKernelArgs:',
  '    - console=tty0 # serial comes next',
  '    - console=ttyS0,115200n8',
  '  meta:',
  '    - key: 012 # octal, META key 10',
  '      value: x',
  '  # extensions baked into the image',
  '  systemExtensions:',
  '    officialExtensions:',
  '      - siderolabs/gvisor',
  '',
].join('\n');

describe('setOfficialExtensions', () => {
  it('replaces the list and keeps every comment and the other values as written', () => {
    const edited = setOfficialExtensions(SOURCE, [
      'siderolabs/amd-ucode',
      'siderolabs/iscsi-tools',
    ]);
    for (const comment of [
      '# The appliance schematic.',
      '# serial comes next',
      '# octal, META key 10',
      '# extensions baked into the image',
    ]) {
      expect(edited).toContain(comment);
    }
    expect(edited).toContain('key: 012');
    expect(edited).toContain(
      '    officialExtensions:\n      - siderolabs/amd-ucode\n      - siderolabs/iscsi-tools\n',
    );
    expect(edited).not.toContain('gvisor');
  });

  it('changes nothing but the extensions in the decoded schematic', () => {
    const before = decodeSchematic(SOURCE, 's.yaml');
    const after = decodeSchematic(setOfficialExtensions(SOURCE, ['siderolabs/zfs']), 's.yaml');
    const expected = {
      ...before,
      customization: {
        ...before.customization,
        systemExtensions: { officialExtensions: ['siderolabs/zfs'] },
      },
    };
    expect(encodeCanonical(after)).toBe(encodeCanonical(expected));
  });

  it('keeps flow lists elsewhere as written and the comment on the replaced list', () => {
    const source =
      'customization:\n  extraKernelArgs: [a, b]\n  systemExtensions:\n    officialExtensions: [] # none yet\n';
    const edited = setOfficialExtensions(source, ['siderolabs/gvisor']);
    expect(edited).toContain('  extraKernelArgs: [a, b]\n');
    expect(edited).toContain('# none yet');
    expect(edited).toContain('    officialExtensions:\n      - siderolabs/gvisor\n');
  });

  it('creates the keys when the file has none', () => {
    const edited = setOfficialExtensions('# vanilla\ncustomization: {}\n', ['siderolabs/gvisor']);
    expect(edited).toContain('# vanilla');
    expect(decodeSchematic(edited, 's.yaml').customization.systemExtensions).toEqual({
      officialExtensions: ['siderolabs/gvisor'],
    });
  });

  it('creates the whole path in an empty document', () => {
    const edited = setOfficialExtensions('', ['siderolabs/gvisor']);
    expect(decodeSchematic(edited, 's.yaml')).toEqual({
      customization: { systemExtensions: { officialExtensions: ['siderolabs/gvisor'] } },
    });
  });

  it('quotes a name the factory would otherwise read as another type', () => {
    const edited = setOfficialExtensions('customization: {}\n', ['null', '2024-01-02', 'on']);
    expect(
      decodeSchematic(edited, 's.yaml').customization.systemExtensions?.officialExtensions,
    ).toEqual(['null', '2024-01-02', 'on']);
  });
});
