// The way through the wizard a person takes when the defaults suit: a version of the 1.12 line,
// the schematic's extensions, the targets (the flags' or the one ISO), an app version, the
// preview, then the download, the confirm and (skipped) the Publish step.

/** @typedef {ReturnType<typeof import('./wizard-driver.js').wizardDriver>} Wizard */

/** From the first screen to the start of the download. @param {Wizard} wizard */
export async function walkToDownload(wizard) {
  await wizard.waitFor(/v\d+\.\d+\.\d+\s+recommended/);
  await wizard.send('1.12');
  await wizard.waitFor(/›\s*v1\.12\./);
  await wizard.send('Enter');
  await wizard.waitFor('selected');
  await wizard.send('Enter');
  await wizard.waitFor('Targets for Talos');
  await wizard.send('Enter');
  await wizard.waitFor('App version');
  await wizard.send('1.0.0');
  await wizard.waitFor('All fields are valid');
  await wizard.send('Enter');
  await wizard.waitFor('Schematic ID');
  await wizard.send('Enter');
}

/**
 * From the download to the wizard's exit, writing the release. The Publish step after Confirm
 * defaults to Skip without publish.to in talos-release.yaml, so Enter skips it; on Done, Enter
 * ends without a bundle.
 * @param {Wizard} wizard
 */
export async function finishRelease(wizard) {
  await wizard.waitFor('Write the release?');
  await wizard.send('y');
  await wizard.waitFor('Skip publishing');
  await wizard.send('Enter');
  // Done offers a bundle and waits for a key; Enter ends without one.
  await wizard.waitFor('air-gapped site');
  await wizard.send('Enter');
  await wizard.waitForExit();
}
