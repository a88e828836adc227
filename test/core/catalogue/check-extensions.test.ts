import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../../src/core/errors.js';
import { checkExtensions, extensionsMissingError } from '../../../src/core/catalogue/index.js';
import type { ExtensionInfo } from '../../../src/core/catalogue/index.js';

function entry(name: string): ExtensionInfo {
  const short = name.split('/')[1] ?? name;
  return {
    name,
    ref: `ghcr.io/${name}:v1`,
    digest: `sha256:${short.length.toString(16).padStart(64, '0')}`,
    author: 'Sidero Labs',
    description: '',
  };
}

// Unsorted, as the factory serves it.
const catalogue = [
  'siderolabs/gvisor',
  'siderolabs/amd-ucode',
  'siderolabs/i915',
  'siderolabs/intel-ucode',
  'siderolabs/nvidia-container-toolkit-lts',
  'siderolabs/qemu-guest-agent',
].map(entry);

describe('checkExtensions', () => {
  it('returns the bill of materials in the requested order', () => {
    const result = checkExtensions({
      requested: ['siderolabs/intel-ucode', 'siderolabs/gvisor'],
      catalogue,
      talosVersion: 'v1.12.4',
    });
    expect(result.problems).toEqual([]);
    expect(result.bom).toEqual([
      {
        name: 'siderolabs/intel-ucode',
        ref: 'ghcr.io/siderolabs/intel-ucode:v1',
        digest: catalogue[3]?.digest,
      },
      {
        name: 'siderolabs/gvisor',
        ref: 'ghcr.io/siderolabs/gvisor:v1',
        digest: catalogue[0]?.digest,
      },
    ]);
  });

  it('rejects a typo and suggests the closest names', () => {
    const result = checkExtensions({
      requested: ['siderolabs/gvisr'],
      catalogue,
      talosVersion: 'v1.12.4',
    });
    expect(result.bom).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.name).toBe('siderolabs/gvisr');
    expect(result.problems[0]?.reason).toContain('v1.12.4');
    expect(result.problems[0]?.suggestions[0]).toBe('siderolabs/gvisor');
  });

  it('finds the full name from a short one', () => {
    const result = checkExtensions({
      requested: ['qemu-guest-agent'],
      catalogue,
      talosVersion: 'v1.12.4',
    });
    expect(result.problems[0]?.suggestions).toContain('siderolabs/qemu-guest-agent');
  });

  it('offers no wild guesses for a name that resembles nothing', () => {
    const result = checkExtensions({ requested: ['acme/zfs'], catalogue, talosVersion: 'v1.12.4' });
    expect(result.problems[0]?.suggestions).toEqual([]);
  });

  it('accepts an old name the factory aliases, recording the current entry', () => {
    const result = checkExtensions({
      requested: ['siderolabs/i915-ucode', 'siderolabs/nvidia-container-toolkit'],
      catalogue,
      talosVersion: 'v1.12.4',
    });
    expect(result.problems).toEqual([]);
    expect(result.bom.map((b) => b.name)).toEqual([
      'siderolabs/i915',
      'siderolabs/nvidia-container-toolkit-lts',
    ]);
    expect(result.renamed).toEqual([
      { name: 'siderolabs/i915-ucode', current: 'siderolabs/i915' },
      {
        name: 'siderolabs/nvidia-container-toolkit',
        current: 'siderolabs/nvidia-container-toolkit-lts',
      },
    ]);
  });

  it('suggests the former name when a new name is used on a Talos that predates the rename', () => {
    const old = [entry('siderolabs/i915-ucode'), entry('siderolabs/gvisor')];
    const result = checkExtensions({
      requested: ['siderolabs/i915'],
      catalogue: old,
      talosVersion: 'v1.5.0',
    });
    expect(result.problems[0]?.reason).toContain('renamed');
    expect(result.problems[0]?.suggestions[0]).toBe('siderolabs/i915-ucode');
  });

  it('lists an extension requested twice once', () => {
    const result = checkExtensions({
      requested: ['siderolabs/gvisor', 'siderolabs/gvisor'],
      catalogue,
      talosVersion: 'v1.12.4',
    });
    expect(result.bom).toHaveLength(1);
  });
});

describe('extensionsMissingError', () => {
  it('lists every problem and suggestion in one UserInputError', () => {
    const { problems } = checkExtensions({
      requested: ['siderolabs/gvisr', 'siderolabs/amd-ucod'],
      catalogue,
      talosVersion: 'v1.12.4',
    });
    const error = extensionsMissingError(problems);
    expect(error).toBeInstanceOf(UserInputError);
    expect(error.message).toContain('2 problems');
    expect(error.message).toContain('siderolabs/gvisr is not available for Talos v1.12.4');
    expect(error.message).toContain('did you mean siderolabs/gvisor');
    expect(error.message).toContain('siderolabs/amd-ucode');
    expect(error.hint).toBeTruthy();
  });
});
