// The customization block: every field typed by its Go type, zero values left out as the
// factory's omitempty would drop them.
import type { Node } from 'yaml';
import type { DecodeContext } from './context.js';
import { readFields } from './fields.js';
import type { Field } from './fields.js';
import { decodeMeta } from './meta.js';
import { decodeString, decodeStringList } from './strings.js';
import { decodeBool, decodeBootloader, decodeUint } from './typed-values.js';
import type { Customization } from '../types.js';

const CUSTOMIZATION_KEYS = [
  'embeddedMachineConfiguration',
  'extraKernelArgs',
  'meta',
  'systemExtensions',
  'bootloader',
  'secureboot',
  'diskImage',
];

const valueOf = (field: Field | undefined): Node | null => field?.value ?? null;

export function decodeCustomization(ctx: DecodeContext, node: Node | null): Customization {
  const fields = readFields(ctx, node, 'customization', {
    where: 'under customization',
    known: CUSTOMIZATION_KEYS,
  });
  const field = (key: string): Node | null => valueOf(fields.get(key));
  const extensionsFields = readFields(
    ctx,
    field('systemExtensions'),
    'customization.systemExtensions',
    { where: 'under systemExtensions', known: ['officialExtensions'] },
  );
  const secureFields = readFields(ctx, field('secureboot'), 'customization.secureboot', {
    where: 'under secureboot',
    known: ['enrollKeys', 'includeWellKnownCertificates'],
  });
  const diskFields = readFields(ctx, field('diskImage'), 'customization.diskImage', {
    where: 'under diskImage',
    known: ['sectorSize'],
  });

  const embedded = decodeString(
    ctx,
    field('embeddedMachineConfiguration'),
    'customization.embeddedMachineConfiguration',
  );
  const kernelArgs = decodeStringList(
    ctx,
    field('extraKernelArgs'),
    'customization.extraKernelArgs',
  );
  const meta = decodeMeta(ctx, field('meta'));
  const extensions = decodeStringList(
    ctx,
    valueOf(extensionsFields.get('officialExtensions')),
    'customization.systemExtensions.officialExtensions',
  );
  const bootloader = decodeBootloader(ctx, field('bootloader'), 'customization.bootloader');
  const enrollKeys = decodeString(
    ctx,
    valueOf(secureFields.get('enrollKeys')),
    'customization.secureboot.enrollKeys',
  );
  const wellKnown = decodeBool(
    ctx,
    valueOf(secureFields.get('includeWellKnownCertificates')),
    'customization.secureboot.includeWellKnownCertificates',
  );
  const sectorSize = decodeUint(
    ctx,
    valueOf(diskFields.get('sectorSize')),
    'customization.diskImage.sectorSize',
    BigInt(Number.MAX_SAFE_INTEGER),
  );

  // Zero values are left out, as the factory's omitempty would drop them on encoding.
  const customization: Record<string, unknown> = {};
  if (embedded !== '') customization['embeddedMachineConfiguration'] = embedded;
  if (kernelArgs.length > 0) customization['extraKernelArgs'] = kernelArgs;
  if (meta.length > 0) customization['meta'] = meta;
  if (extensions.length > 0) customization['systemExtensions'] = { officialExtensions: extensions };
  if (bootloader !== 'none') customization['bootloader'] = bootloader;
  if (enrollKeys !== '' || wellKnown) {
    customization['secureboot'] = {
      ...(enrollKeys !== '' ? { enrollKeys } : {}),
      ...(wellKnown ? { includeWellKnownCertificates: true } : {}),
    };
  }
  if (sectorSize !== 0) customization['diskImage'] = { sectorSize };
  return customization as Customization;
}
