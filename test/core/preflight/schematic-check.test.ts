// The preflight's schematic check reads the file the same guarded way as a release: a FIFO (or a
// device) fails the check at once, naming the path, instead of waiting forever for a writer.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSchematicPresent } from '../../../src/core/preflight/schematic-check.js';

describe('checkSchematicPresent', () => {
  it('fails a FIFO at once with exit code 2 and the path', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'preflight-fifo-'));
    await mkdir(path.join(root, 'schematics'));
    const fifo = path.join(root, 'schematics', 'metal-amd64.yaml');
    execFileSync('mkfifo', [fifo]);
    const check = await checkSchematicPresent(root, 'schematics/metal-amd64.yaml');
    expect(check.status).toBe('fail');
    expect(JSON.stringify(check)).toContain(`not a regular file (it is a FIFO): ${fifo}`);
    expect(check).toMatchObject({ exitCode: 2 });
  }, 5000);
});
