// The one release session every front end drives: its answers rule, what it counts as a taken
// release, what it refuses, and what it clears when it takes the repository.
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../../src/core/errors.js';
import { assertNoProblems } from '../../../src/core/pipeline/problems.js';
import type { ReleaseRequest } from '../../../src/core/pipeline/request.js';
import { openReleaseSession } from '../../../src/core/pipeline/session.js';
import type { SessionFactory } from '../../../src/core/pipeline/session.js';
import { requestFor } from '../../fixtures/release-request.js';
import { testHttp } from '../http/test-http.js';

const TALOS = 'v1.12.11';

const offline: SessionFactory = {
  baseUrl: 'https://factory.talos.dev',
  listVersions: async () => [TALOS],
  listExtensions: async () => [],
  createSchematic: () => Promise.reject(new Error('this test must not submit')),
};

async function repository(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'tr-session-'));
  await mkdir(join(root, 'schematics'));
  await writeFile(join(root, 'schematics/metal-amd64.yaml'), 'customization: {}\n');
  return root;
}

async function channelAt(root: string, current: string, channel = 'stable'): Promise<void> {
  await mkdir(join(root, 'releases/channels'), { recursive: true });
  const entry = {
    releaseVersion: current,
    manifest: `releases/${current}.json`,
    talosVersion: TALOS,
    schematicId: 'a'.repeat(64),
    releasedAt: '2026-11-22T00:00:00Z',
  };
  await writeFile(
    join(root, `releases/channels/${channel}.json`),
    JSON.stringify({ channel, current: entry, history: [] }),
  );
}

function session(root: string, overrides: Partial<ReleaseRequest> = {}) {
  return openReleaseSession(
    requestFor(root, { appVersion: '2.3.0', factoryUrl: offline.baseUrl, ...overrides }),
    { http: testHttp(), factory: offline, toolVersion: '0.0.0-test', lockedBy: 'test' },
  );
}

async function planned(root: string, overrides: Partial<ReleaseRequest> = {}) {
  const s = session(root, overrides);
  const project = await s.load();
  return s.plan(project, s.answers(project, TALOS), undefined);
}

describe('the release session', () => {
  it('answers with what was chosen, else the flag, else the channel default', async () => {
    const root = await repository();
    await channelAt(root, '0.4.1');
    const s = session(root, { valuesProfile: 'edge' });
    const project = await s.load();
    const flagged = s.answers(project, TALOS);
    expect(flagged.releaseVersion).toBe('0.4.2');
    expect(flagged.valuesProfile).toBe('edge');
    const chosen = s.answers(project, TALOS, { valuesProfile: 'lab', releaseVersion: '0.5.0' });
    expect(chosen.valuesProfile).toBe('lab');
    expect(chosen.releaseVersion).toBe('0.5.0');
  });

  it("refuses a release older than the channel's current one, naming it, unless --force", async () => {
    const root = await repository();
    await channelAt(root, '0.4.1');
    const plan = await planned(root, { releaseVersion: '0.3.0' });
    const failure = (() => {
      try {
        assertNoProblems(plan.problems);
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(UserInputError);
    expect((failure as UserInputError).message).toContain('older than 0.4.1');
    expect((failure as UserInputError).hint).toContain('--force');
    const forced = await planned(root, { releaseVersion: '0.3.0', force: true });
    expect(forced.problems).toEqual([]);
  });

  it('completes a release whose manifest no channel lists, and says so', async () => {
    const root = await repository();
    await mkdir(join(root, 'releases'));
    await writeFile(join(root, 'releases/0.1.0.json'), '{}\n');
    const plan = await planned(root, { releaseVersion: '0.1.0' });
    expect(plan.problems).toEqual([]);
    expect(plan.notes.join(' ')).toContain('no channel lists it');
  });

  it('still refuses a release version any channel lists', async () => {
    const root = await repository();
    await channelAt(root, '0.1.0', 'beta');
    await writeFile(join(root, 'releases/0.1.0.json'), '{}\n');
    const plan = await planned(root, { releaseVersion: '0.1.0' });
    expect(plan.problems.map((problem) => problem.kind)).toEqual(['release-exists']);
  });

  it('removes temp files an interrupted run of ours left, and nothing else, once locked', async () => {
    const root = await repository();
    await mkdir(join(root, 'releases/channels'), { recursive: true });
    const stray = [
      'releases/.0.1.0.json.4242-1.talos-release.tmp',
      'releases/channels/.stable.json.4242-3.talos-release.tmp',
      'schematics/.metal-amd64.yaml.4242-2.talos-release.tmp',
    ];
    for (const path of stray) await writeFile(join(root, path), 'half');
    await writeFile(join(root, 'releases/notes.tmp'), 'the operator’s');
    const s = session(root);
    const notes = await s.lock(await s.load());
    await s.close();
    expect(await readdir(join(root, 'releases'))).toEqual(['channels', 'notes.tmp']);
    expect(await readdir(join(root, 'releases/channels'))).toEqual([]);
    expect(await readdir(join(root, 'schematics'))).toEqual(['metal-amd64.yaml']);
    expect(notes.join('\n')).toContain('.0.1.0.json.4242-1.talos-release.tmp');
  });
});
