// One release cut against a stand-in per test file, and a fresh copy of it per test, so each
// test can tamper with its own copy without cutting (and downloading) a release every time.
import { cp, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll } from 'vitest';
import { runCli } from './cli.js';
import type { CliResult } from './cli.js';
import { releaseArgs } from './release.js';
import { makeRepo } from './repo.js';
import type { TempRepo } from './repo.js';
import { useStandinAndRepos } from './standin-and-repos.js';

export const RELEASED_MANIFEST = 'releases/0.1.0.json';

/** The fields the verify tests read or tamper with. */
export interface RecordedManifest {
  releaseVersion: string;
  talos: {
    version: string;
    schematicId: string;
    schematic: string;
    extensions: { name: string; ref: string; digest: string }[];
  };
  kubernetes: { version: string };
  os: { iso: { url: string; localPath: string; sha256: string; size: number } };
}

export interface ReleasedRepo {
  /** The manifest as the release wrote it. */
  manifest(): RecordedManifest;
  /** The repository the release was cut in; do not change it. */
  original(): TempRepo;
  /** A fresh copy of the released repository, removed after the test. */
  copy(): Promise<TempRepo>;
  editManifest(repo: TempRepo, edit: (manifest: RecordedManifest) => void): Promise<void>;
  verify(repo: TempRepo, ...extra: string[]): Promise<CliResult>;
}

export interface ReleasedRepoOptions {
  readonly imageSize: number;
  /** Extra release flags, worked out once the stand-in runs (e.g. --sign-key <file>). */
  readonly args?: () => readonly string[];
  readonly env?: () => Readonly<Record<string, string | undefined>>;
}

export function useReleasedRepo(options: ReleasedRepoOptions): ReleasedRepo {
  const e2e = useStandinAndRepos({ imageSize: options.imageSize });
  let released: TempRepo;
  let manifest: RecordedManifest;

  beforeAll(async () => {
    // Not through e2e.makeRepo: this one outlives each test and is removed after the file.
    released = await makeRepo();
    const result = await runCli(releaseArgs(e2e.standin, ...(options.args?.() ?? [])), {
      cwd: released.root,
      env: options.env?.(),
    });
    if (result.code !== 0) throw new Error(`the release to verify failed:\n${result.stderr}`);
    manifest = await released.readJson<RecordedManifest>(RELEASED_MANIFEST);
  });
  afterAll(() => released.remove());

  return {
    manifest: () => manifest,
    original: () => released,
    async copy() {
      const repo = await e2e.makeRepo();
      await cp(released.root, repo.root, { recursive: true });
      return repo;
    },
    async editManifest(repo, edit) {
      const value = await repo.readJson<RecordedManifest>(RELEASED_MANIFEST);
      edit(value);
      await writeFile(repo.path(RELEASED_MANIFEST), `${JSON.stringify(value, null, 2)}\n`);
    },
    verify: (repo, ...extra) => runCli(['verify', RELEASED_MANIFEST, ...extra], { cwd: repo.root }),
  };
}
