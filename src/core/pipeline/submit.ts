// Submits the schematic and holds the factory to the ID computed here. A different ID means
// the factory encodes differently (another release) or was tampered with: either way the
// release would not be what the repository says, so the run stops.
import { IntegrityError } from '../errors.js';
import type { FactoryClient } from '../factory/index.js';
import type { ReleasePlan } from './plan.js';

export interface SubmittedSchematic {
  readonly id: string;
  readonly schematic: string;
  readonly server: string | undefined;
}

export async function submitSchematic(
  client: Pick<FactoryClient, 'createSchematic'>,
  plan: Pick<ReleasePlan, 'canonical' | 'schematicId'>,
): Promise<SubmittedSchematic> {
  const answer = await client.createSchematic(plan.canonical);
  if (answer.id !== plan.schematicId || answer.schematic !== plan.canonical) {
    throw new IntegrityError(mismatchMessage(plan, answer), {
      hint:
        'The factory encodes this schematic differently from talos-release (a different factory ' +
        'release, usually triggered by strings such as on, yes, 12:30 or <<), or the answer was ' +
        'altered on the way. Nothing was downloaded or written.',
    });
  }
  return answer;
}

function mismatchMessage(
  plan: Pick<ReleasePlan, 'canonical' | 'schematicId'>,
  answer: SubmittedSchematic,
): string {
  const lines = [
    'the factory returned a different schematic than the one computed locally',
    `  local ID:   ${plan.schematicId}`,
    `  factory ID: ${answer.id}`,
    `  factory:    ${answer.server ?? 'no Server header'}`,
  ];
  if (answer.schematic !== plan.canonical) {
    lines.push(
      '  local schematic:',
      indent(plan.canonical),
      '  factory schematic:',
      indent(answer.schematic),
    );
  }
  return lines.join('\n');
}

function indent(text: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => `    | ${line}`)
    .join('\n');
}
