// The catalogue as the factory serves it (/version/:v/extensions/official, docs/factory-protocol.md
// §8.5), and what the checks report back.

export interface ExtensionInfo {
  readonly name: string;
  readonly ref: string;
  readonly digest: string;
  readonly author?: string | undefined;
  readonly description?: string | undefined;
}

export interface OverlayInfo {
  readonly name: string;
  readonly image: string;
  readonly ref: string;
  readonly digest: string;
}

/** One line of the bill of materials recorded in the release manifest. */
export interface BomEntry {
  readonly name: string;
  readonly ref: string;
  readonly digest: string;
}

/** Something that would make the factory refuse the build, with what to use instead. */
export interface CatalogueProblem {
  /** The extension name, or the schematic field, e.g. `customization.bootloader`. */
  readonly name: string;
  readonly reason: string;
  readonly suggestions: readonly string[];
}

/** An old extension name the factory still accepts through its alias table. */
export interface RenamedExtension {
  readonly name: string;
  readonly current: string;
}
