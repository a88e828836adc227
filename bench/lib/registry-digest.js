// The digest a registry holds under a tag, by HEAD (Docker-Content-Digest): the benchmarks check
// that both contenders pushed the same manifest, so the race compares the same content.
import http from 'node:http';

const ACCEPT = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

/**
 * @param {string} host        127.0.0.1:<port>, plain http
 * @param {string} repository
 * @param {string} reference   a tag or a digest
 * @returns {Promise<string>}
 */
export function manifestDigest(host, repository, reference) {
  const url = `http://${host}/v2/${repository}/manifests/${reference}`;
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'HEAD', headers: { accept: ACCEPT } }, (res) => {
      res.resume();
      const digest = res.headers['docker-content-digest'];
      if (res.statusCode === 200 && typeof digest === 'string') resolve(digest);
      else reject(new Error(`HEAD ${url} answered ${res.statusCode} without a digest`));
    });
    request.on('error', reject);
    request.end();
  });
}
