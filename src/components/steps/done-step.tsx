// The Done screen: the written (and published) release, and the offer to bundle it for an
// air-gapped site, to the path shown or one the operator types. Enter ends the wizard.
import { Box } from 'ink';
import { useState } from 'react';
import { Footer } from '../common/footer.js';
import { useKeys } from '../common/use-keys.js';
import { isGlobalKey } from '../keys.js';
import type { WizardAction } from '../state/actions.js';
import type { CompletedRelease } from '../state/steps.js';
import { Tone } from '../theme.js';
import {
  bundlePathProblem,
  initialBundleOffer,
  pressBundleOfferKey,
} from './bundle/bundle-offer.js';
import type { BundleOffer } from './bundle/bundle-offer.js';
import { DoneView } from './final-views.js';

export interface DoneStepProps extends CompletedRelease {
  readonly isActive: boolean;
  readonly dispatch: (action: WizardAction) => void;
}

export function DoneStep({ ready, written, published, isActive, dispatch }: DoneStepProps) {
  const [offer, setOffer] = useState(() => initialBundleOffer(ready.manifest.releaseVersion));
  useKeys((input, key) => {
    if (isGlobalKey(input, key)) return;
    const { offer: next, effect } = pressBundleOfferKey(offer, input, key, ready.project.root);
    setOffer(next);
    if (effect?.type === 'bundle') dispatch({ type: 'bundle', out: effect.out });
    else if (effect?.type === 'finish') dispatch({ type: 'finish' });
  }, isActive);
  return (
    <Box flexDirection="column">
      <DoneView ready={ready} written={written} published={published} epilogueNote={false} />
      <BundleOfferView offer={offer} />
      <Footer hints={offer.editingFrom === undefined ? 'done' : 'done-editing'} />
    </Box>
  );
}

export function BundleOfferView({ offer }: { readonly offer: BundleOffer }) {
  const editing = offer.editingFrom !== undefined;
  const problem = offer.problem ?? (editing ? bundlePathProblem(offer.path) : undefined);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Tone tone="plain" wrap="truncate-end">
        {'Bundle for an air-gapped site? The release and its installers, in one file.'}
      </Tone>
      <Box>
        <Tone tone="muted">{'  Bundle path '}</Tone>
        <Tone tone={editing ? 'accent' : 'plain'} wrap="wrap">
          {`${offer.path}${editing ? '▏' : ''}`}
        </Tone>
      </Box>
      {problem === undefined ? null : (
        <Tone tone={offer.problem ? 'bad' : 'warn'} wrap="truncate-end">{`  ✗ ${problem}`}</Tone>
      )}
    </Box>
  );
}
