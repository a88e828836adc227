import { describe, expect, it } from 'vitest';
import { FactoryRefusedError } from '../../../src/core/errors.js';
import { refusalError } from '../../../src/core/http/index.js';

const id = 'a'.repeat(64);

describe('refusalError (docs/factory-protocol.md §12 client mapping)', () => {
  it.each<[string, string, string, number, string, RegExp, RegExp]>([
    [
      'invalid schematic',
      'POST',
      '/schematics',
      400,
      'yaml: construct errors: line 1: field x not found',
      /invalid schematic/,
      /Fix the schematic/,
    ],
    [
      'extension missing at build time',
      'GET',
      `/image/${id}/v1.12.0/metal-amd64.iso`,
      400,
      'error enhancing profile from schematic: official extension "siderolabs/foo" is not available for Talos version v1.12.0',
      /extension not available for this Talos version/,
      /another Talos version or remove the extension/,
    ],
    [
      'overlay too early',
      'GET',
      `/image/${id}/v1.6.0/metal-arm64.raw.xz`,
      400,
      'overlay is not supported for Talos version v1.6.0',
      /overlay/,
      /1\.7/,
    ],
    [
      'enterprise feature',
      'GET',
      `/image/${id}/v1.12.0/metal-amd64.iso.sha256`,
      402,
      'enterprise not enabled: checksums',
      /Enterprise/,
      /leave the feature out/,
    ],
    [
      'unknown schematic',
      'GET',
      `/image/${id}/v1.12.0/metal-amd64.iso`,
      404,
      `schematic ID "${id}" not found`,
      /unknown schematic/,
      /Submit the schematic/,
    ],
    [
      'unknown version',
      'GET',
      '/version/v9.9.9/extensions/official',
      404,
      'version 9.9.9 is not available',
      /unknown Talos version/,
      /Pick a version/,
    ],
    ['not a factory', 'GET', '/versions', 404, '404 page not found', /not found/, /--factory-url/],
  ])('%s', (_label, method, route, status, body, message, hint) => {
    const error = refusalError({
      method,
      route,
      url: `https://factory.talos.dev${route}`,
      status,
      body: `${body}\n`,
    });
    expect(error).toBeInstanceOf(FactoryRefusedError);
    expect(error.status).toBe(status);
    expect(error.factoryMessage).toBe(body);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(body);
    expect(error.hint).toMatch(hint);
  });
});
