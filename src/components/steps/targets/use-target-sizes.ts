// What the picked targets weigh, asked of the factory (a HEAD each) whenever the pick changes.
// The previous question is aborted, so a cold build's HEAD never outlives the screen.
import { useEffect, useState } from 'react';
import type { TargetRequest } from '../../../core/pipeline/index.js';
import { useServices } from '../../services/context.js';
import type { ExtensionChoice } from '../../state/steps.js';

/** A size per target name: a number, `undefined` when the factory does not say. */
export type KnownSizes = ReadonlyMap<string, number | undefined>;

export function useTargetSizes(
  choice: ExtensionChoice,
  picked: readonly TargetRequest[],
): KnownSizes {
  const services = useServices();
  const [sizes, setSizes] = useState<KnownSizes>(new Map());
  const key = picked.map((t) => t.name).join('\n');
  useEffect(() => {
    if (picked.length === 0) return undefined;
    const controller = new AbortController();
    services.targetSizes(choice, picked, controller.signal).then(
      (answer) => {
        if (controller.signal.aborted) return;
        setSizes((current) => new Map([...current, ...answer]));
      },
      () => undefined,
    );
    return () => controller.abort();
    // The names decide the question: a new array with the same names asks nothing new.
  }, [key, services, choice]);
  return sizes;
}

export type TotalSize =
  | { readonly state: 'loading' }
  | { readonly state: 'known'; readonly bytes: number; readonly unknown: number };

/** Loading until every picked target has an answer; then the sum and how many did not say. */
export function totalSize(picked: readonly TargetRequest[], sizes: KnownSizes): TotalSize {
  if (picked.some((t) => !sizes.has(t.name))) return { state: 'loading' };
  let bytes = 0;
  let unknown = 0;
  for (const target of picked) {
    const size = sizes.get(target.name);
    if (size === undefined) unknown += 1;
    else bytes += size;
  }
  return { state: 'known', bytes, unknown };
}
