// docs/factory-protocol.md §14: schematics are public by ID, so values that look like credentials
// are flagged, without repeating them.
import { describe, expect, it } from 'vitest';
import { findSecretLikeValues } from '../../../src/core/schematic/index.js';
import type { Schematic } from '../../../src/core/schematic/index.js';

const withArgs = (extraKernelArgs: string[]): Schematic => ({ customization: { extraKernelArgs } });

describe('findSecretLikeValues', () => {
  it.each([
    'siderolink.api=https://omni.example.com:8090/?jointoken=s3cr3tJoinValue',
    'talos.config=https://admin:hunter2@config.example.com/worker.yaml',
    'talos.config=https://config.example.com/w.yaml?X-Amz-Signature=abcdef0123',
    'root_password=hunter2hunter2',
    'my.api_key=0123456789abcdef',
    'aws.key=AKIAIOSFODNN7EXAMPLE',
    'auth=Bearer abcdefghijklmnop',
  ])('flags the kernel argument %s without repeating its value', (arg) => {
    const findings = findSecretLikeValues(withArgs(['console=tty0', arg]));
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding.path).toBe('customization.extraKernelArgs[1]');
      const value = arg.slice(arg.indexOf('=') + 1);
      expect(finding.reason).not.toContain(value);
      expect(finding.reason).not.toMatch(/hunter2|s3cr3t|AKIA|abcdefghijklmnop/);
    }
  });

  it.each([
    'console=ttyS0,115200n8',
    'net.ifnames=0',
    'talos.config=https://config.example.com/worker.yaml',
    'siderolink.api=https://omni.example.com:8090/',
    'iommu.passthrough=1',
    'talos.platform=metal',
    'ip=10.0.0.2::10.0.0.1:255.255.255.0:node1:eth0:off',
  ])('does not flag the ordinary kernel argument %s', (arg) => {
    expect(findSecretLikeValues(withArgs([arg]))).toEqual([]);
  });

  it('gives one reason for a token in a URL query, naming the parameter', () => {
    const findings = findSecretLikeValues(
      withArgs(['talos.config=https://config.example.com/w.yaml?token=abcdef123456']),
    );
    expect(findings).toEqual([
      {
        path: 'customization.extraKernelArgs[0]',
        reason: 'contains a URL whose query parameter "token" looks like a credential',
      },
    ]);
  });

  it('flags a META value holding a token, and not one holding addresses', () => {
    const findings = findSecretLikeValues({
      customization: {
        meta: [
          { key: 10, value: '{"externalIPs":["1.2.3.4"]}' },
          { key: 12, value: '{"token": "abcd1234efgh"}' },
        ],
      },
    });
    expect(findings.map((f) => f.path)).toEqual(['customization.meta[1].value']);
  });

  it('flags private keys and credentials in the embedded machine configuration', () => {
    const config = [
      'machine:',
      '  token: abcdef.0123456789abcdef',
      '  ca:',
      '    crt: LS0tLS1CRUdJTiBDRVJU',
      '    key: LS0tLS1CRUdJTiBFRDI1NTE5IFBSSVZBVEUgS0VZLS0tLS0',
      'extra: |',
      '  -----BEGIN RSA PRIVATE KEY-----',
      '  MIIEow==',
      '  -----END RSA PRIVATE KEY-----',
    ].join('\n');
    const reasons = findSecretLikeValues({
      customization: { embeddedMachineConfiguration: config },
    })
      .map((f) => f.reason)
      .join('\n');
    expect(reasons).toContain('private key block');
    expect(reasons).toContain('"token" on line 2');
    expect(reasons).toContain('"key" on line 5');
    expect(reasons).not.toContain('abcdef.0123456789abcdef');
  });

  it('does not flag a plain hostname configuration', () => {
    const config = 'apiVersion: v1alpha1\nkind: HostnameConfig\nhostname: worker-33\n';
    expect(
      findSecretLikeValues({ customization: { embeddedMachineConfiguration: config } }),
    ).toEqual([]);
  });
});
