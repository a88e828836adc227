import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  artifactRefs,
  parseInstallerImage,
  parseIsoUrl,
} from '../../../src/core/artifacts/index.js';
import { parseManifestObject } from '../../../src/core/manifest/index.js';

const schematicId = fc.stringMatching(/^[0-9a-f]{64}$/);
const talosVersion = fc
  .tuple(fc.integer({ min: 5, max: 20 }), fc.integer({ min: 0, max: 30 }), fc.boolean())
  .map(([minor, patch, pre]) => `v1.${minor}.${patch}${pre ? '-beta.1' : ''}`);
const platform = fc.constantFrom('metal', 'aws', 'digital-ocean', 'nocloud', 'vmware', 'gcp');
const arch = fc.constantFrom('amd64', 'arm64');

describe('artifact references round-trip through their parsers', () => {
  it('parseIsoUrl and parseInstallerImage recover what artifactRefs encoded', () => {
    fc.assert(
      fc.property(schematicId, talosVersion, platform, arch, fc.boolean(), (id, version, p, a, sb) => {
        const refs = artifactRefs({
          factoryUrl: 'https://factory.talos.dev',
          schematicId: id,
          talosVersion: version,
          platform: p,
          arch: a,
          secureboot: sb,
        });
        expect(parseIsoUrl(refs.isoUrl)).toMatchObject({
          schematicId: id,
          talosVersion: version,
          platform: p,
          arch: a,
          secureboot: sb,
        });
        const installer = parseInstallerImage(refs.installerImage);
        expect(installer).toMatchObject({ schematicId: id, talosVersion: version, secureboot: sb });
        // The legacy form (before 1.10) carries no platform; the per-platform form names it.
        expect([undefined, p]).toContain(installer?.platform);
      }),
    );
  });

  it('a manifest never accepts an ISO URL for a different schematic than talos.schematicId', () => {
    fc.assert(
      fc.property(schematicId, schematicId, (recorded, other) => {
        fc.pre(recorded !== other);
        const refs = artifactRefs({
          factoryUrl: 'https://factory.talos.dev',
          schematicId: other,
          talosVersion: 'v1.12.4',
          platform: 'metal',
          arch: 'amd64',
          secureboot: false,
        });
        const candidate = {
          releaseVersion: '1.0.0',
          generatedAt: '2026-11-22T03:00:00Z',
          channel: 'stable',
          talos: {
            version: 'v1.12.4',
            schematicId: recorded,
            schematicPath: 'schematic.yaml',
            schematic: 'customization: {}\n',
            factoryUrl: 'https://factory.talos.dev',
            extensions: [],
          },
          kubernetes: { version: '1.35.0' },
          os: {
            platform: 'metal',
            architecture: 'amd64',
            secureboot: false,
            iso: { url: refs.isoUrl, localPath: 'a.iso', sha256: 'a'.repeat(64), size: 1 },
            installer: { image: refs.installerImage },
          },
          app: { version: '1', valuesProfile: 'default' },
          tool: { name: 'talos-release', version: '0.1.0' },
        };
        expect(() => parseManifestObject(candidate, 'm.json')).toThrow(/os\.iso\.url: names schematic/);
      }),
      { numRuns: 50 },
    );
  });
});
