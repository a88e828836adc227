// A manifest is read by anyone with the repository: user info in its factory URL is refused by
// the schema (exit 2), so verify never uses such credentials, online or not.
import { describe, expect, it } from 'vitest';
import { useReleasedRepo } from './helpers/released-repo.js';

const release = useReleasedRepo({ imageSize: 4096 });

describe('talos-release verify on a manifest with credentials in its factory URL', () => {
  it('refuses the manifest with exit 2, naming the field', async () => {
    const repo = await release.copy();
    await release.editManifest(repo, (manifest) => {
      const withFactory = manifest as unknown as { talos: { factoryUrl: string } };
      const url = new URL(withFactory.talos.factoryUrl);
      url.username = 'robot';
      url.password = 's3cr3t-token';
      withFactory.talos.factoryUrl = url.href;
    });
    const result = await release.verify(repo);
    expect(result.code).toBe(2);
    expect(result.stderr + result.stdout).toContain('talos.factoryUrl');
    expect(result.stderr + result.stdout).not.toContain('s3cr3t-token');
  });
});
