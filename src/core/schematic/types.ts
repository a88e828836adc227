// The decoded schematic, field for field as the factory's Go struct (pkg/schematic/schematic.go).
// Field order here mirrors declaration order, which is also the canonical emit order.
// `owner` is absent on purpose: the community factory rejects it, so the decoder does too.

/** A value inside `overlay.options`, typed by the YAML core rules the factory applies there. */
export type OptionScalar =
  | { readonly kind: 'null' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'timestamp'; readonly text: string }
  | { readonly kind: 'string'; readonly value: string };

export type OptionValue =
  | OptionScalar
  | { readonly kind: 'seq'; readonly items: readonly OptionValue[] }
  | { readonly kind: 'map'; readonly entries: ReadonlyMap<string, OptionValue> };

export interface Overlay {
  readonly image: string;
  readonly name: string;
  readonly options?: ReadonlyMap<string, OptionValue> | undefined;
}

export interface MetaValue {
  /** 0–255. */
  readonly key: number;
  readonly value: string;
}

export type BootloaderKind = 'none' | 'dual-boot' | 'sd-boot' | 'grub';

export interface SecureBoot {
  readonly enrollKeys?: string | undefined;
  readonly includeWellKnownCertificates?: boolean | undefined;
}

export interface DiskImage {
  readonly sectorSize?: number | undefined;
}

export interface Customization {
  readonly embeddedMachineConfiguration?: string | undefined;
  readonly extraKernelArgs?: readonly string[] | undefined;
  readonly meta?: readonly MetaValue[] | undefined;
  readonly systemExtensions?:
    { readonly officialExtensions?: readonly string[] | undefined } | undefined;
  readonly bootloader?: BootloaderKind | undefined;
  readonly secureboot?: SecureBoot | undefined;
  readonly diskImage?: DiskImage | undefined;
}

export interface Schematic {
  readonly overlay?: Overlay | undefined;
  readonly customization: Customization;
}
