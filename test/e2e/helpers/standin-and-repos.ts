// What every end-to-end test of a release starts from: a factory stand-in on loopback and
// throwaway repositories holding the project's schematic. Whatever a test starts or makes
// through it is closed or removed after that test, and the file's shared stand-in after the
// file, so no test file repeats the bookkeeping.
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startStandin as startServer } from '../../../src/standin/server.js';
import type { RunningStandin, StandinOptions } from '../../../src/standin/types.js';
import { makeRepo as makeTempRepo } from './repo.js';
import type { TempRepo } from './repo.js';

export interface StandinAndRepos {
  /** The stand-in every test of the file shares: started before the first test, closed after the last. */
  readonly standin: RunningStandin;
  /** A stand-in for the current test only, e.g. with its own faults; closed after the test. */
  startStandin(options: StandinOptions): Promise<RunningStandin>;
  /** A fresh repository with the project's schematic; removed after the test. */
  makeRepo(): Promise<TempRepo>;
}

/**
 * Call at the top of a test file. With `shared` options, `standin` is a stand-in for the whole
 * file; without, each test starts its own with `startStandin`.
 */
export function useStandinAndRepos(shared?: StandinOptions): StandinAndRepos {
  let fileStandin: RunningStandin | undefined;
  const testStandins: RunningStandin[] = [];
  const repos: TempRepo[] = [];

  if (shared) {
    beforeAll(async () => {
      fileStandin = await startServer(shared);
    });
    afterAll(() => fileStandin?.close());
  }
  afterEach(async () => {
    // close() is idempotent: a test that already closed its stand-in (to test a dead factory) is fine.
    await Promise.all([
      ...testStandins.splice(0).map((standin) => standin.close()),
      ...repos.splice(0).map((repo) => repo.remove()),
    ]);
  });

  const running = (): RunningStandin => {
    if (fileStandin) return fileStandin;
    throw new Error(
      shared
        ? 'the shared stand-in is read before beforeAll started it: use it inside a test or hook'
        : 'this file has no shared stand-in: pass options to useStandinAndRepos, or call startStandin',
    );
  };
  // Reads through to the running stand-in, so tests keep writing `standin.url` as before.
  const standin: RunningStandin = {
    get url() {
      return running().url;
    },
    get registryUrl() {
      return running().registryUrl;
    },
    get requests() {
      return running().requests;
    },
    addFault: (rule) => running().addFault(rule),
    close: () => running().close(),
  };

  return {
    standin,
    async startStandin(options) {
      const started = await startServer(options);
      testStandins.push(started);
      return started;
    },
    async makeRepo() {
      const repo = await makeTempRepo();
      repos.push(repo);
      return repo;
    },
  };
}
