import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../../src/core/errors.js';
import {
  checkKubernetesVersion,
  defaultKubernetesVersion,
  kubernetesDefaultFor,
  supportedKubernetesRange,
} from '../../../src/core/kubernetes/index.js';

describe('defaultKubernetesVersion', () => {
  it.each([
    ['v1.2.0', '1.25.0'],
    ['v1.2.9', '1.25.5'],
    ['v1.4.0', '1.27.1'],
    ['v1.8.0', '1.31.1'],
    ['v1.11.6', '1.34.1'],
    ['v1.12.0', '1.35.0'],
    ['v1.12.4', '1.35.0'],
    ['1.12.5', '1.35.2'],
    ['v1.12.6', '1.35.2'],
    ['v1.12.7', '1.35.4'],
    ['v1.12.11', '1.35.4'],
    ['v1.13.9', '1.36.3'],
    ['v1.14.2', '1.37.0'],
    ['v1.15.0', '1.38.0'],
    ['v1.12.0-beta.1', '1.35.0-alpha.3'],
    ['v1.14.0-rc.1', '1.37.0-rc.0'],
  ])('Talos %s → Kubernetes %s', (talos, kubernetes) => {
    expect(defaultKubernetesVersion(talos)).toBe(kubernetes);
  });

  it('notes that an undocumented pre-release default is a guess', () => {
    const result = kubernetesDefaultFor('v1.13.0-alpha.1');
    expect(result.version).toBe('1.36.0');
    expect(result.note).toContain('pre-release');
  });

  it('has no note for a documented stable line', () => {
    expect(kubernetesDefaultFor('v1.12.4').note).toBeUndefined();
  });

  it('rejects a malformed Talos version', () => {
    expect(() => defaultKubernetesVersion('twelve')).toThrow(UserInputError);
  });
});

describe('supportedKubernetesRange', () => {
  it.each([
    ['v1.2.0', '1.23', '1.25'],
    ['v1.5.3', '1.26', '1.28'],
    ['v1.6.0', '1.24', '1.29'],
    ['v1.12.4', '1.30', '1.35'],
    ['v1.14.0', '1.32', '1.37'],
  ])('Talos %s supports %s to %s', (talos, min, max) => {
    expect(supportedKubernetesRange(talos)).toEqual({ min, max });
  });
});

describe('checkKubernetesVersion', () => {
  it('accepts the ends of the range, with or without v', () => {
    expect(checkKubernetesVersion('v1.12.4', 'v1.30.0')).toBe('1.30.0');
    expect(checkKubernetesVersion('v1.12.4', '1.35.4')).toBe('1.35.4');
  });

  it.each(['1.29.9', '1.36.0', '2.30.0'])('rejects %s for Talos 1.12 with the range', (k8s) => {
    let caught: unknown;
    try {
      checkKubernetesVersion('v1.12.4', k8s);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserInputError);
    expect((caught as UserInputError).message).toContain('1.30.x to 1.35.x');
  });

  it('rejects a malformed Kubernetes version', () => {
    expect(() => checkKubernetesVersion('v1.12.4', 'latest')).toThrow(/not a Kubernetes version/);
  });
});
