// Defaults come from the channel's current release, and the channel is one of the fields: when
// the operator types another valid channel, that channel's current release is read and the
// fields they have not typed in are refilled from it.
import { useEffect, useState } from 'react';
import { useServices } from '../../services/context.js';
import type { ReleaseDetails, WizardSession } from '../../state/steps.js';
import { FIELDS } from './fields.js';
import type { DetailsForm } from './use-details-form.js';

const CHANNEL_FIELD = FIELDS.findIndex((field) => field.name === 'channel');

export interface DefaultsSource {
  readonly channel: string;
  /** The channel's current release; undefined before its first. */
  readonly current: string | undefined;
}

export function useChannelDefaults(form: DetailsForm, session: WizardSession): DefaultsSource {
  const services = useServices();
  const [source, setSource] = useState<DefaultsSource>({
    channel: session.project.channelName,
    current: session.project.channel?.current.releaseVersion,
  });
  const channel = form.values.channel.trim();
  const valid = form.problems[CHANNEL_FIELD] === undefined;
  const { adopt } = form;
  useEffect(() => {
    if (!valid || channel === source.channel) return undefined;
    let latest = true;
    services.channelDefaults(channel).then(
      (found) => {
        if (!latest) return;
        setSource({ channel: found.channel, current: found.current });
        const values: Partial<ReleaseDetails> = {
          releaseVersion: found.defaults.releaseVersion,
          valuesProfile: found.defaults.valuesProfile,
          // A new channel has no app version to suggest: keep the one on screen.
          ...(found.defaults.appVersion ? { appVersion: found.defaults.appVersion } : {}),
        };
        adopt(values);
      },
      // A channel file that cannot be read is reported, with its path, when the release is planned.
      () => undefined,
    );
    return () => {
      latest = false;
    };
    // `adopt` only dispatches, so the effect need not rerun when it is recreated.
  }, [channel, valid, source.channel, services]);
  return source;
}
