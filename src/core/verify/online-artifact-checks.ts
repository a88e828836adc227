// --online for manifest version 2: the factory must still serve every artifact at its recorded
// size (a HEAD each; the factory publishes no hash, so the size is what it can confirm).
import type { ReleaseArtifact } from '../manifest/index.js';
import type { CheckResult } from './checklist.js';
import { checkServedSize } from './online-checks.js';
import type { OnlineOptions } from './online-checks.js';

export async function checkFactoryArtifactSizes(
  artifacts: readonly ReleaseArtifact[],
  options: OnlineOptions,
): Promise<CheckResult[]> {
  const checks: CheckResult[] = [];
  for (const [index, artifact] of artifacts.entries()) {
    checks.push(
      await checkServedSize(
        {
          id: `factory-artifact-size:${artifact.name}`,
          title: `the factory serves ${artifact.name} at the recorded size (artifacts[${index}])`,
        },
        {
          url: artifact.url,
          size: artifact.size,
          field: `artifacts[${index}].size`,
          what: artifact.name,
        },
        options,
      ),
    );
  }
  return checks;
}
