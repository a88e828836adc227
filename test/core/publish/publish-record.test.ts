// releases/<v>.publish.json: one entry per destination, replaced when publishing there again,
// kept when publishing somewhere else; a damaged record is a clear exit 2.
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExitCode } from '../../../src/core/errors.js';
import {
  publishRecordPath,
  readPublishRecord,
  recordPublication,
} from '../../../src/core/publish/index.js';
import type { Publication } from '../../../src/core/publish/index.js';

const digest = (c: string): string => `sha256:${c.repeat(64)}`;

function publication(registry: string, release: string): Publication {
  return {
    registry,
    scheme: 'https',
    prefix: 'team',
    publishedAt: '2026-11-30T10:00:00.000Z',
    toolVersion: '0.1.0',
    release: {
      reference: `${registry}/team/release:1.0.0`,
      digest: digest(release),
      channelReference: null,
    },
    installers: [],
  };
}

describe('the publish record', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'publish-record-'));
    await mkdir(join(root, 'releases'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('keeps one entry per registry and prefix', async () => {
    await recordPublication(root, '1.0.0', publication('a.example', 'a'));
    await recordPublication(root, '1.0.0', publication('b.example', 'b'));
    await recordPublication(root, '1.0.0', publication('a.example', 'c'));
    const record = await readPublishRecord(root, '1.0.0');
    expect(record?.publications.map((p) => [p.registry, p.release.digest])).toEqual([
      ['b.example', digest('b')],
      ['a.example', digest('c')],
    ]);
    expect(await readFile(publishRecordPath(root, '1.0.0'), 'utf8')).toMatch(/\n$/);
  });

  it('says which file is damaged and what to do', async () => {
    await writeFile(publishRecordPath(root, '1.0.0'), '{"releaseVersion": 1}');
    const error = await readPublishRecord(root, '1.0.0').catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: ExitCode.badInput });
    expect((error as Error).message).toContain('1.0.0.publish.json');
  });
});
