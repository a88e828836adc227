// The release details form: its fields in order, and the check each value must pass, run on every
// keystroke. The checks are the core's own, so the form and --yes agree on what is valid.
import { ReleaseError } from '../../../core/errors.js';
import { checkKubernetesVersion } from '../../../core/kubernetes/index.js';
import { assertReleaseVersion, channelPathFor } from '../../../core/pipeline/index.js';
import type { ReleaseDetails } from '../../state/steps.js';

export type FieldName = keyof ReleaseDetails;

export interface FieldSpec {
  readonly name: FieldName;
  readonly label: string;
  /** Shown under the form while the field is focused and valid. */
  readonly help: string;
}

export const FIELDS: readonly FieldSpec[] = [
  {
    name: 'releaseVersion',
    label: 'Release version',
    help: 'The appliance release, e.g. 1.4.2 (semver, no leading v).',
  },
  {
    name: 'channel',
    label: 'Channel',
    help: 'Which channel this release becomes current on, e.g. stable or beta.',
  },
  {
    name: 'kubernetesVersion',
    label: 'Kubernetes',
    help: 'The Kubernetes version the appliance runs; the Talos default is filled in.',
  },
  {
    name: 'appVersion',
    label: 'App version',
    help: 'The appliance application version that ships in this release, e.g. 2.3.0.',
  },
  {
    name: 'valuesProfile',
    label: 'Values profile',
    help: 'The Helm values profile the appliance installs with, e.g. default.',
  },
];

export interface FieldProblem {
  readonly message: string;
  readonly hint: string | undefined;
}

export interface FieldContext {
  readonly talosVersion: string;
  readonly root: string;
}

export function checkField(
  name: FieldName,
  value: string,
  context: FieldContext,
): FieldProblem | undefined {
  const text = value.trim();
  switch (name) {
    case 'releaseVersion':
      return problemOf(() => assertReleaseVersion(text));
    case 'channel':
      return problemOf(() => channelPathFor(context.root, text));
    case 'kubernetesVersion':
      return problemOf(() => checkKubernetesVersion(context.talosVersion, text));
    case 'appVersion':
      return plainToken(text, 'the application version', 'e.g. 2.3.0');
    case 'valuesProfile':
      return plainToken(text, 'the values profile', 'e.g. default');
  }
}

export function firstInvalidField(details: ReleaseDetails, context: FieldContext): number {
  return FIELDS.findIndex(
    (field) => checkField(field.name, details[field.name], context) !== undefined,
  );
}

export function trimmedDetails(details: ReleaseDetails): ReleaseDetails {
  return {
    releaseVersion: details.releaseVersion.trim(),
    channel: details.channel.trim(),
    kubernetesVersion: details.kubernetesVersion.trim().replace(/^v/, ''),
    appVersion: details.appVersion.trim(),
    valuesProfile: details.valuesProfile.trim(),
  };
}

function problemOf(check: () => unknown): FieldProblem | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof ReleaseError) return { message: error.message, hint: error.hint };
    throw error;
  }
}

function plainToken(text: string, what: string, example: string): FieldProblem | undefined {
  if (text === '') return { message: `${what} is required`, hint: `Type ${what}, ${example}.` };
  if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(text)) {
    return {
      message: `${what} may hold letters, digits, dots, dashes, underscores and plus signs only`,
      hint: `Type ${what}, ${example}.`,
    };
  }
  return undefined;
}
