// Finds schematic values that look like secrets (docs/factory-protocol.md §14): a schematic is
// public by ID on the community factory, so the tool warns before submitting one.
import { isCredentialName, secretReasonsInText } from './secret-patterns.js';
import type { Schematic } from '../types.js';

export interface SecretFinding {
  /** Where in the schematic, e.g. `customization.extraKernelArgs[2]`. */
  readonly path: string;
  /** Why it looks secret; never the value itself. */
  readonly reason: string;
}

function kernelArgReasons(arg: string): string[] {
  const separator = arg.indexOf('=');
  const name = separator < 0 ? arg : arg.slice(0, separator);
  const value = separator < 0 ? '' : arg.slice(separator + 1);
  const reasons = secretReasonsInText(value);
  if (value !== '' && isCredentialName(name)) {
    reasons.unshift(`the kernel argument ${name} is named like a credential`);
  }
  return reasons;
}

// A line of the embedded config that sets a key such as `token:`, `secret:` or `ca.key` material.
const CONFIG_ENTRY = /^\s*(?:-\s+)?([A-Za-z_][\w.-]*)\s*:\s*(\S.*)?$/;

function configReasons(config: string): string[] {
  const reasons = secretReasonsInText(config).filter((r) => !r.startsWith('sets a field'));
  config.split('\n').forEach((line, index) => {
    const match = CONFIG_ENTRY.exec(line);
    const [, key = '', value = ''] = match ?? [];
    const empty = /^(|""|''|~|null|\[\]|\{\})$/.test(value.trim()) || value.trim().startsWith('#');
    if (match === null || empty) return;
    if (isCredentialName(key) || /^key$/i.test(key)) {
      reasons.push(
        `the embedded machine configuration sets "${key}" on line ${index + 1}, which looks like a credential`,
      );
    }
  });
  return reasons;
}

export function findSecretLikeValues(s: Schematic): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const add = (path: string, reasons: readonly string[]): void => {
    for (const reason of reasons) findings.push({ path, reason });
  };
  const c = s.customization;
  (c.extraKernelArgs ?? []).forEach((arg, i) =>
    add(`customization.extraKernelArgs[${i}]`, kernelArgReasons(arg)),
  );
  (c.meta ?? []).forEach((m, i) =>
    add(`customization.meta[${i}].value`, secretReasonsInText(m.value)),
  );
  if (c.embeddedMachineConfiguration !== undefined) {
    add(
      'customization.embeddedMachineConfiguration',
      configReasons(c.embeddedMachineConfiguration),
    );
  }
  return findings;
}
