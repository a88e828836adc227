import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/core/errors.js';
import { parseFactoryArgs } from '../../src/standin/args.js';

describe('npm run factory flags', () => {
  it('maps every flag to its stand-in option', () => {
    expect(
      parseFactoryArgs([
        '--port',
        '8080',
        '--host',
        '::1',
        '--image-size',
        '1048576',
        '--image-delivery',
        'redirect',
        '--registry-mode',
        'redirect',
        '--build-delay-ms',
        '1500',
        '--disk-build-delay-ms',
        '4000',
      ]),
    ).toEqual({
      help: false,
      port: 8080,
      host: '::1',
      imageSize: 1048576,
      imageDelivery: 'redirect',
      registryMode: 'redirect',
      buildDelayMs: 1500,
      diskBuildDelayMs: 4000,
    });
    expect(parseFactoryArgs([])).toEqual({ help: false });
  });

  it.each([
    [['--port', 'eighty'], /--port must be a non-negative integer/],
    [['--image-delivery', 'cdn'], /--image-delivery must be one of direct, redirect/],
    [['--registry-mode', 'push'], /--registry-mode must be one of proxy, redirect/],
    [['--colour'], /colour/],
  ])('rejects %j with a user error that names the flag', (argv, message) => {
    expect(() => parseFactoryArgs(argv)).toThrow(UserInputError);
    expect(() => parseFactoryArgs(argv)).toThrow(message);
  });
});
