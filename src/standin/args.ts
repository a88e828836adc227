// Flags of `npm run factory`: each maps to one StandinOptions field.
import { parseArgs } from 'node:util';
import { UserInputError } from '../core/errors.js';
import type { StandinOptions } from './types.js';

export const FACTORY_USAGE = `Usage: npm run factory -- [flags]
  --port N               factory port (default 0: any free port)
  --host H               loopback address (default 127.0.0.1)
  --image-size BYTES     size of every /image asset (default 209715200)
  --image-delivery M     direct | redirect (302 to /cdn, which honours Range)
  --registry-mode M      proxy | redirect (307 to a second registry with a bearer challenge)
  --build-delay-ms MS    delay of the first request for each asset or installer (default 0)
  --disk-build-delay-ms MS  the same for disk images (default: twice --build-delay-ms)
`;

function integer(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) {
    throw new UserInputError(
      `--${flag} must be a non-negative integer, got ${JSON.stringify(text)}`,
      {
        hint: FACTORY_USAGE,
      },
    );
  }
  return Number(text);
}

function oneOf<T extends string>(
  flag: string,
  text: string | undefined,
  allowed: readonly T[],
): T | undefined {
  if (text === undefined) return undefined;
  const found = allowed.find((value) => value === text);
  if (found === undefined) {
    throw new UserInputError(
      `--${flag} must be one of ${allowed.join(', ')}, got ${JSON.stringify(text)}`,
    );
  }
  return found;
}

export function parseFactoryArgs(argv: readonly string[]): StandinOptions & { help: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'image-size': { type: 'string' },
        'image-delivery': { type: 'string' },
        'registry-mode': { type: 'string' },
        'build-delay-ms': { type: 'string' },
        'disk-build-delay-ms': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UserInputError(error instanceof Error ? error.message : String(error), {
      hint: FACTORY_USAGE,
    });
  }
  const port = integer('port', values.port);
  const imageSize = integer('image-size', values['image-size']);
  const imageDelivery = oneOf('image-delivery', values['image-delivery'], [
    'direct',
    'redirect',
  ] as const);
  const registryMode = oneOf('registry-mode', values['registry-mode'], [
    'proxy',
    'redirect',
  ] as const);
  const buildDelayMs = integer('build-delay-ms', values['build-delay-ms']);
  const diskBuildDelayMs = integer('disk-build-delay-ms', values['disk-build-delay-ms']);
  return {
    help: values.help === true,
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(imageSize !== undefined ? { imageSize } : {}),
    ...(imageDelivery ? { imageDelivery } : {}),
    ...(registryMode ? { registryMode } : {}),
    ...(buildDelayMs !== undefined ? { buildDelayMs } : {}),
    ...(diskBuildDelayMs !== undefined ? { diskBuildDelayMs } : {}),
  };
}
