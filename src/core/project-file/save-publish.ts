// Saves the wizard's Publish choice into talos-release.yaml: `publish.to` and `publish.skip` only.
// An existing `publish:` block is edited in place, so comments inside it stay too; a field that
// says nothing (no destination, skip false) is removed rather than written as a default.
import { isMap } from 'yaml';
import { editProjectFile } from './edit-document.js';

export interface PublishSettings {
  /** `<host[:port]>/<prefix>`; undefined when there is none. */
  readonly to: string | undefined;
  /** The wizard's Publish step defaults to Skip. */
  readonly skip: boolean;
}

export async function savePublish(root: string, settings: PublishSettings): Promise<string> {
  return editProjectFile(root, 'publish:', (document) => {
    const fields = {
      ...(settings.to === undefined ? {} : { to: settings.to }),
      ...(settings.skip ? { skip: true } : {}),
    };
    const existing = document.get('publish', true);
    if (!isMap(existing)) {
      if (Object.keys(fields).length === 0) document.delete('publish');
      else document.set('publish', document.createNode(fields));
      return;
    }
    for (const key of ['to', 'skip'] as const) {
      const value = fields[key];
      if (value === undefined) existing.delete(key);
      else existing.set(key, value);
    }
    if (existing.items.length === 0) document.delete('publish');
  });
}
