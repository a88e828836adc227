// loadSchematicFile: file problems are UserInputErrors that name the file.
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SchematicError, UserInputError } from '../../../src/core/errors.js';
import { loadSchematicFile } from '../../../src/core/schematic/index.js';

describe('loadSchematicFile', () => {
  it('returns the text as read and the decoded schematic', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'schematic-'));
    const file = path.join(dir, 's.yaml');
    await writeFile(file, '# note\ncustomization: {extraKernelArgs: [a]}\n');
    const loaded = await loadSchematicFile(file);
    expect(loaded).toEqual({
      path: file,
      text: '# note\ncustomization: {extraKernelArgs: [a]}\n',
      schematic: { customization: { extraKernelArgs: ['a'] } },
    });
  });

  it('names a missing file', async () => {
    const missing = path.join(tmpdir(), 'no-such-dir-for-talos-release', 'x.yaml');
    const error = await loadSchematicFile(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as UserInputError).message).toBe(`schematic file not found: ${missing}`);
  });

  it('names a directory given as the file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'schematic-'));
    const error = await loadSchematicFile(dir).catch((e: unknown) => e);
    expect((error as UserInputError).message).toContain(dir);
  });

  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'schematic-'));
    const fifo = path.join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    const error = await loadSchematicFile(fifo).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as UserInputError).exitCode).toBe(2);
    expect((error as UserInputError).message).toBe(
      `the schematic path is not a regular file (it is a FIFO): ${fifo}`,
    );
  }, 5000);

  it('refuses a device', async () => {
    const error = await loadSchematicFile('/dev/null').catch((e: unknown) => e);
    expect((error as UserInputError).message).toBe(
      'the schematic path is not a regular file (it is a character device): /dev/null',
    );
  });

  it('reports decode errors under the display name', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'schematic-'));
    const file = path.join(dir, 's.yaml');
    await writeFile(file, 'customization:\n  bootloader: auto\n');
    const error = await loadSchematicFile(file, { displayName: 'schematics/s.yaml' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SchematicError);
    expect((error as SchematicError).message).toMatch(/^schematics\/s\.yaml:2:15: /);
  });
});
