import { describe, expect, it } from 'vitest';
import type { DownloadFileSystem } from '../../../src/core/download/index.js';
import { DiskError } from '../../../src/core/errors.js';
import { assertRoomForTargets } from '../../../src/core/pipeline/room-for-targets.js';
import type { PlannedTarget } from '../../../src/core/pipeline/targets-plan.js';

function target(name: string): PlannedTarget {
  return {
    name,
    kind: 'iso',
    platform: 'metal',
    arch: 'amd64',
    secureboot: false,
    schematicId: 'a'.repeat(64),
    url: `http://127.0.0.1/${name}`,
    localPath: `/artifacts/${name}`,
    localPathRelative: `artifacts/${name}`,
  };
}

function disk(free: number, files: Record<string, number> = {}): DownloadFileSystem {
  return {
    sizeOf: (path: string) => Promise.resolve(files[path]),
    freeBytes: () => Promise.resolve(free),
    makeDirectory: () => Promise.resolve(),
  } as unknown as DownloadFileSystem;
}

const targets = [target('a.iso'), target('b.iso'), target('c.iso')];
const sizes = new Map(targets.map((t) => [t.name, 100]));

describe('assertRoomForTargets', () => {
  it('refuses when the targets together do not fit, though each one would', async () => {
    await expect(assertRoomForTargets(targets, sizes, disk(250))).rejects.toBeInstanceOf(DiskError);
  });

  it('counts only what is left: finished files and partial downloads stay', async () => {
    const files = { '/artifacts/a.iso': 100, '/artifacts/b.iso.part': 60 };
    await expect(assertRoomForTargets(targets, sizes, disk(140, files))).resolves.toBeUndefined();
    await expect(assertRoomForTargets(targets, sizes, disk(139, files))).rejects.toBeInstanceOf(
      DiskError,
    );
  });
});
