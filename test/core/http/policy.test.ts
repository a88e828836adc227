import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../../src/core/errors.js';
import { assertAllowedUrl, isLoopbackHost, proxyForUrl } from '../../../src/core/http/index.js';

describe('assertAllowedUrl', () => {
  it.each([
    'https://factory.talos.dev',
    'https://factory.example.com:8443/x',
    'http://127.0.0.1:8080',
    'http://127.1.2.3',
    'http://[::1]:9000/',
    'http://localhost:3000',
  ])('accepts %s', (url) => {
    expect(assertAllowedUrl(url).href).toBe(new URL(url).href);
  });

  it.each(['http://factory.talos.dev', 'http://10.0.0.1', 'http://[::2]', 'ftp://127.0.0.1'])(
    'refuses %s with a hint',
    (url) => {
      let caught: unknown;
      try {
        assertAllowedUrl(url, 'factory URL');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(UserInputError);
      expect((caught as UserInputError).message).toContain('factory URL');
      expect((caught as UserInputError).hint).toBeTruthy();
    },
  );

  it('refuses text that is not a URL', () => {
    expect(() => assertAllowedUrl('factory.talos.dev')).toThrow(/not a valid URL/);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['::1', true],
    ['[::1]', true],
    ['LOCALHOST', true],
    ['128.0.0.1', false],
    ['localhost.example.com', false],
    ['factory.talos.dev', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('proxyForUrl', () => {
  const proxied = 'http://proxy.corp:3128';
  it.each<[string, NodeJS.ProcessEnv, string | undefined]>([
    ['https://factory.talos.dev/versions', { HTTPS_PROXY: proxied }, proxied],
    ['https://factory.talos.dev/versions', { https_proxy: proxied, HTTPS_PROXY: 'x:1' }, proxied],
    ['https://factory.talos.dev/versions', { HTTP_PROXY: proxied }, undefined],
    ['https://factory.talos.dev/versions', { HTTPS_PROXY: 'proxy.corp:3128' }, proxied],
    ['https://factory.talos.dev/versions', { ALL_PROXY: proxied }, proxied],
    ['https://factory.talos.dev/', { HTTPS_PROXY: proxied, NO_PROXY: 'talos.dev' }, undefined],
    ['https://factory.talos.dev/', { HTTPS_PROXY: proxied, no_proxy: '.talos.dev' }, undefined],
    ['https://factory.talos.dev/', { HTTPS_PROXY: proxied, NO_PROXY: '*' }, undefined],
    ['https://factory.talos.dev/', { HTTPS_PROXY: proxied, NO_PROXY: 'other.dev' }, proxied],
    ['https://factory.talos.dev/', { HTTPS_PROXY: proxied, NO_PROXY: 'talos.dev:8443' }, proxied],
    ['https://notalos.dev/', { HTTPS_PROXY: proxied, NO_PROXY: 'talos.dev' }, proxied],
    ['http://127.0.0.1:8080/', { HTTP_PROXY: proxied, ALL_PROXY: proxied }, undefined],
    ['http://localhost:8080/', { HTTP_PROXY: proxied }, undefined],
  ])('%s with %o → %s', (url, env, expected) => {
    expect(proxyForUrl(new URL(url), env)).toBe(expected);
  });
});
