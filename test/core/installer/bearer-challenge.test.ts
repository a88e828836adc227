import { describe, expect, it } from 'vitest';
import { parseBearerChallenge } from '../../../src/core/installer/bearer-challenge.js';
import { pinnedReference } from '../../../src/core/installer/pinned-reference.js';

describe('the registry bearer challenge', () => {
  it('yields realm, service and scope', () => {
    const header =
      'Bearer realm="https://auth.example.test/token",service="registry.example.test",scope="repository:metal-installer/abc:pull"';
    expect(parseBearerChallenge(header)).toEqual({
      realm: 'https://auth.example.test/token',
      service: 'registry.example.test',
      scope: 'repository:metal-installer/abc:pull',
    });
  });

  it('is ignored when it is not a Bearer challenge or has no realm', () => {
    expect(parseBearerChallenge('Basic realm="registry"')).toBeUndefined();
    expect(parseBearerChallenge('Bearer service="x"')).toBeUndefined();
    expect(parseBearerChallenge(undefined)).toBeUndefined();
  });
});

describe('the pinned reference', () => {
  it('keeps the tag for people and adds the digest for the cluster', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    expect(
      pinnedReference('https://factory.talos.dev', 'metal-installer/abc', 'v1.12.0', digest),
    ).toBe(`factory.talos.dev/metal-installer/abc:v1.12.0@${digest}`);
  });
});
