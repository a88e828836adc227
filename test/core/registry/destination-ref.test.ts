// --to <host[:port]>/<prefix>: what is accepted, and what each mistake is told.
import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../../src/core/errors.js';
import { parseRegistryDestination, repositoryUnder } from '../../../src/core/registry/index.js';

function failure(text: string, insecure = false): UserInputError {
  try {
    parseRegistryDestination(text, { insecure });
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    expect((error as UserInputError).exitCode).toBe(2);
    return error as UserInputError;
  }
  throw new Error(`${text} was accepted`);
}

describe('parseRegistryDestination', () => {
  it.each([
    ['ghcr.io/acme/talos', { host: 'ghcr.io', prefix: 'acme/talos', scheme: 'https' }],
    [
      'registry.example.com:5000/talos',
      { host: 'registry.example.com:5000', prefix: 'talos', scheme: 'https' },
    ],
    [
      'Registry.Example.com/a.b/c__d/e-f',
      { host: 'registry.example.com', prefix: 'a.b/c__d/e-f', scheme: 'https' },
    ],
    ['localhost/talos/', { host: 'localhost', prefix: 'talos', scheme: 'https' }],
    ['[::1]:5000/talos', { host: '[::1]:5000', prefix: 'talos', scheme: 'https' }],
  ])('accepts %s', (text, expected) => {
    expect(parseRegistryDestination(text)).toEqual(expected);
  });

  it('uses plain http for loopback hosts when insecure', () => {
    expect(parseRegistryDestination('127.0.0.1:5000/talos', { insecure: true })).toEqual({
      host: '127.0.0.1:5000',
      prefix: 'talos',
      scheme: 'http',
    });
    expect(parseRegistryDestination('localhost:5000/t', { insecure: true }).scheme).toBe('http');
    expect(parseRegistryDestination('[::1]:5000/t', { insecure: true }).scheme).toBe('http');
  });

  it('refuses plain http to anything but this machine', () => {
    const error = failure('registry.example.com/talos', true);
    expect(error.message).toContain('not this machine');
    expect(error.hint).toMatch(/127\.0\.0\.1.*--registry-ca/);
  });

  it('says to drop a scheme', () => {
    const error = failure('https://ghcr.io/acme/talos');
    expect(error.message).toContain('https://');
    expect(error.hint).toContain('--to ghcr.io/acme/talos');
    expect(failure('http://127.0.0.1:5000/t').hint).toContain('--insecure-registry');
  });

  it('asks for a prefix when only a host is given', () => {
    expect(failure('ghcr.io').message).toContain('no repository prefix');
    expect(failure('ghcr.io/').hint).toContain('ghcr.io/talos');
  });

  it('refuses uppercase in the prefix and shows the lowercase spelling', () => {
    const error = failure('ghcr.io/Acme/Talos');
    expect(error.message).toContain('uppercase');
    expect(error.hint).toContain('ghcr.io/acme/talos');
  });

  it('refuses a first segment that is not a host, a tag, and bad segments', () => {
    expect(failure('acme/talos').message).toContain('registry host');
    expect(failure('ghcr.io/acme/talos:v1').message).toContain('tag or digest');
    expect(failure('ghcr.io/acme//talos').message).toContain('invalid path segment');
    expect(failure('ghcr.io/-acme').message).toContain('invalid path segment');
  });

  it('puts repository names under the prefix', () => {
    expect(repositoryUnder(parseRegistryDestination('ghcr.io/acme/talos'), 'release')).toBe(
      'acme/talos/release',
    );
  });
});
