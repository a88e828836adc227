// Which release details the operator chose rather than inherited: a value given as a flag, or
// one that differs from the channel's defaults (typed before going back). Only the others follow
// a change of channel.
import type { ReleaseDetails, WizardSession } from '../../state/steps.js';
import type { FieldName } from './fields.js';

export function typedFields(initial: ReleaseDetails, session: WizardSession): Set<FieldName> {
  const { request, defaults } = session;
  const flags: Partial<Record<FieldName, string | undefined>> = {
    releaseVersion: request.releaseVersion,
    appVersion: request.appVersion,
    valuesProfile: request.valuesProfile,
  };
  const inherited: Partial<Record<FieldName, string>> = {
    releaseVersion: defaults.releaseVersion,
    appVersion: defaults.appVersion ?? '',
    valuesProfile: defaults.valuesProfile,
  };
  const typed = new Set<FieldName>();
  for (const name of Object.keys(inherited) as FieldName[]) {
    if (flags[name] !== undefined || initial[name] !== inherited[name]) typed.add(name);
  }
  return typed;
}
