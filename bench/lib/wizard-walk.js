// The way through the wizard a person takes when the defaults suit: a version of the 1.12 line,
// the schematic's extensions, the targets (the flags' or the one ISO), an app version, the
// preview, then the download and the confirm.

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

/** From the download to the wizard's exit, writing the release. @param {Wizard} wizard */
export async function finishRelease(wizard) {
  await wizard.waitFor('Write the release?');
  await wizard.send('y');
  await wizard.waitForExit();
}
