// The wizard's bridge to the core: the same answers --yes would build from the same choices.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCoreServices } from '../../src/components/services/core-services.js';
import { LOCK_FILE_NAME } from '../../src/core/fs/lock.js';
import { schematicId } from '../../src/core/schematic/index.js';
import { resolveVersionSelector } from '../../src/core/versions/index.js';
import type { DetailsChoice } from '../../src/components/state/steps.js';
import {
  DETAILS,
  TALOS,
  catalogue,
  offlineFactory,
  offlineServices,
  requestFor,
  sessionFor,
  tempRoot,
  versionList,
} from '../e2e/helpers/wizard-fixtures.js';
import { testHttp } from '../core/http/test-http.js';

const ISO_ONLY = [{ name: 'metal-amd64.iso' }];

describe('the wizard services over the core', () => {
  it('pre-selects the version --talos-version names, and the recommended one otherwise', async () => {
    const root = await tempRoot();
    const list = await versionList();
    const flagged = await sessionFor(requestFor(root, { talosVersion: '1.11' }));
    expect(flagged.preselected).toBe(resolveVersionSelector('1.11', list));
    expect(flagged.preselected).not.toBe(flagged.recommended);
    const unmatched = await sessionFor(requestFor(root, { talosVersion: '0.1' }));
    expect(unmatched.preselected).toBe(unmatched.recommended);
  });

  it("leaves the schematic file alone when the ticked set is the file's, and rewrites it otherwise", async () => {
    const request = requestFor(await tempRoot());
    const services = offlineServices(request);
    const session = await services.start();
    const inFile =
      session.project.schematicFile.schematic.customization.systemExtensions?.officialExtensions ??
      [];
    const choice = (extensions: readonly string[]): DetailsChoice => ({
      session,
      talosVersion: TALOS,
      catalogue: [],
      extensions,
      targets: ISO_ONLY,
      details: DETAILS,
    });
    const same = await services.plan(choice([...inFile].reverse()));
    expect(same.plan.schematicFileUpdate).toBeUndefined();
    const changed = await services.plan({
      ...choice([...inFile, 'siderolabs/zfs']),
      catalogue: await catalogue(),
    });
    expect(changed.plan.schematicFileUpdate?.after).toContain('siderolabs/zfs');
    expect(changed.plan.problems).toEqual([]);
  });

  it('plans against the channel typed in the details', async () => {
    const request = requestFor(await tempRoot());
    const services = offlineServices(request);
    const session = await services.start();
    const { project, plan } = await services.plan({
      session,
      talosVersion: TALOS,
      catalogue: [],
      extensions: [],
      targets: ISO_ONLY,
      details: { ...DETAILS, channel: 'beta' },
    });
    expect(project.channelName).toBe('beta');
    expect(plan.paths.channelRelative).toBe('releases/channels/beta.json');
  });

  it('reads another channel for its defaults, and a channel with no release yet suggests a first one', async () => {
    const services = offlineServices(requestFor(await tempRoot()));
    const session = await services.start();
    const beta = await services.channelDefaults('beta');
    expect(beta).toEqual({ channel: 'beta', current: undefined, defaults: session.defaults });
    await expect(services.channelDefaults('../x')).rejects.toThrow('invalid channel name');
  });

  it('plans through the release session: a manifest no channel lists is completed, with a note', async () => {
    const root = await tempRoot();
    await mkdir(join(root, 'releases'));
    await writeFile(join(root, 'releases', `${DETAILS.releaseVersion}.json`), '{}\n');
    const services = offlineServices(requestFor(root));
    const session = await services.start();
    const { plan } = await services.plan({
      session,
      talosVersion: TALOS,
      catalogue: [],
      extensions: [],
      targets: ISO_ONLY,
      details: DETAILS,
    });
    expect(plan.problems).toEqual([]);
    expect(plan.notes.join(' ')).toContain('no channel lists it');
  });

  it("holds the session's repository lock from submit until the run finishes", async () => {
    const root = await tempRoot();
    const request = requestFor(root);
    const runtime = createCoreServices({
      request,
      client: {
        ...offlineFactory(),
        createSchematic: async (yaml: string) => ({
          id: schematicId(yaml),
          schematic: yaml,
          server: 'test',
        }),
      },
      signal: new AbortController().signal,
      http: testHttp(),
      toolVersion: '0.0.0-test',
    });
    const session = await runtime.services.start();
    const choice: DetailsChoice = {
      session,
      talosVersion: TALOS,
      catalogue: [],
      extensions: [],
      targets: ISO_ONLY,
      details: DETAILS,
    };
    const { project, plan } = await runtime.services.plan(choice);
    await runtime.services.submit({ choice, project, plan });
    await expect(stat(join(root, LOCK_FILE_NAME))).resolves.toBeDefined();
    await runtime.finish();
    await expect(stat(join(root, LOCK_FILE_NAME))).rejects.toThrow();
  });

  it('saves the picked targets into talos-release.yaml, keeping its comments', async () => {
    const root = await tempRoot();
    await writeFile(
      join(root, 'talos-release.yaml'),
      '# what we ship\ntargets:\n  - metal-amd64.iso\n',
    );
    const services = offlineServices(requestFor(root));
    const session = await services.start();
    const choice = { session, talosVersion: TALOS, catalogue: [], extensions: [] };
    await services.saveTargets(choice, [
      { name: 'metal-arm64.iso' },
      { name: 'metal-arm64.raw.xz', schematic: 'schematics/rpi.yaml' },
    ]);
    expect(await readFile(join(root, 'talos-release.yaml'), 'utf8')).toBe(
      '# what we ship\ntargets:\n  - metal-arm64.iso\n  - name: metal-arm64.raw.xz\n    schematic: schematics/rpi.yaml\n',
    );
  });

  it('starts with publish.to and skip from talos-release.yaml, and saves the Publish choice back', async () => {
    const root = await tempRoot();
    const none = await offlineServices(requestFor(root)).start();
    expect(none.publish).toEqual({ to: undefined, skip: false });
    await writeFile(
      join(root, 'talos-release.yaml'),
      '# team registry\npublish:\n  to: registry.example.com/appliance # the mirror\n',
    );
    const services = offlineServices(requestFor(root));
    const session = await services.start();
    expect(session.publish).toEqual({ to: 'registry.example.com/appliance', skip: false });
    await services.savePublish(session, { to: 'registry.example.com/appliance', skip: true });
    expect(await readFile(join(root, 'talos-release.yaml'), 'utf8')).toBe(
      '# team registry\npublish:\n  to: registry.example.com/appliance # the mirror\n  skip: true\n',
    );
  });

  it('answers unknown sizes, rather than failing, when the factory cannot say', async () => {
    const services = offlineServices(requestFor(await tempRoot()));
    const session = await services.start();
    const choice = { session, talosVersion: TALOS, catalogue: [], extensions: [] };
    const picked = [{ name: 'metal-amd64.iso' }, { name: 'kernel-arm64' }];
    const sizes = await services.targetSizes(choice, picked, new AbortController().signal);
    expect([...sizes]).toEqual([
      ['metal-amd64.iso', undefined],
      ['kernel-arm64', undefined],
    ]);
    // A pick the plan refuses (no ISO) has no URLs to ask.
    const refused = await services.targetSizes(
      choice,
      [{ name: 'kernel-arm64' }],
      new AbortController().signal,
    );
    expect([...refused]).toEqual([['kernel-arm64', undefined]]);
  });
});
