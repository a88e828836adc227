// --online: are the extensions the release recorded (its bill of materials) still what the
// factory's catalogue lists for that Talos version? An extension image rebuilt under the same
// tag changes its digest, and a node installed from this release would not get what was tested.
import { ExitCode } from '../errors.js';
import { createFactoryClient } from '../factory/index.js';
import type { ReleaseManifest } from '../manifest/index.js';
import { failed, passed, skipped } from './checklist.js';
import type { CheckResult } from './checklist.js';
import { onlineFailure } from './online-checks.js';
import type { OnlineOptions } from './online-checks.js';

const ID = 'factory-extensions';
const TITLE = "the factory's catalogue lists every extension at the recorded digest";

export async function checkFactoryExtensions(
  manifest: ReleaseManifest,
  options: OnlineOptions,
): Promise<CheckResult> {
  const recorded = manifest.talos.extensions;
  if (recorded.length === 0) return skipped(ID, TITLE, 'the release has no official extensions');
  try {
    const client = createFactoryClient({
      baseUrl: manifest.talos.factoryUrl,
      http: options.http,
      signal: options.signal,
      ...(options.backoffMs === undefined ? {} : { backoffMs: options.backoffMs }),
    });
    const served = new Map(
      (await client.listExtensions(manifest.talos.version)).map((entry) => [entry.name, entry]),
    );
    const differences = recorded.flatMap((extension) => {
      const now = served.get(extension.name);
      if (!now) return [`${extension.name}: no longer listed for ${manifest.talos.version}`];
      if (now.digest === extension.digest) return [];
      return [
        `${extension.name} (${extension.ref}): recorded ${extension.digest}, served ${now.digest}`,
      ];
    });
    if (differences.length === 0) return passed(ID, TITLE, `${recorded.length} extensions`);
    return failed(ID, TITLE, {
      detail: differences.join('\n'),
      expected: 'the digests in talos.extensions',
      actual: `${differences.length} of ${recorded.length} differ in the factory's catalogue`,
      fix: 'The extension images were rebuilt since the release: keep installing from this release by digest, and cut a new release to ship the rebuilt ones.',
      exitCode: ExitCode.integrity,
    });
  } catch (error) {
    return onlineFailure(ID, TITLE, error);
  }
}
