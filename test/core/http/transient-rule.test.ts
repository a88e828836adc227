// One transient rule for every caller (issue 11): 408 and 429 pass with time, so the catalogue
// API retries them just as downloads and HEAD checks do; any other 4xx is the factory's answer.
import { describe, expect, it } from 'vitest';
import { FactoryRefusedError } from '../../../src/core/errors.js';
import { headContentLength } from '../../../src/core/verify/index.js';
import { LISTED_VERSIONS } from '../../../src/standin/catalog.js';
import { IMAGE_PATH } from '../download/standin-fixture.js';
import { rejectionOf, useStandin } from '../factory/standin-fixture.js';
import { testHttp } from './test-http.js';

describe('the transient rule', () => {
  const start = useStandin();

  it.each([408, 429, 503])('retries %i on an API call and then succeeds', async (status) => {
    const { client, standin } = await start({
      faults: [{ match: { path: '/versions' }, fault: { kind: 'status', status }, times: 1 }],
    });
    expect(await client.listVersions()).toEqual(LISTED_VERSIONS);
    expect(standin.requests.filter((r) => r.url === '/versions')).toHaveLength(2);
  });

  it('does not retry another 4xx', async () => {
    const { client, standin } = await start({
      faults: [{ match: { path: '/versions' }, fault: { kind: 'status', status: 403 } }],
    });
    expect(await rejectionOf(client.listVersions())).toBeInstanceOf(FactoryRefusedError);
    expect(standin.requests.filter((r) => r.url === '/versions')).toHaveLength(1);
  });

  it('retries 429 on a HEAD size check too', async () => {
    const { standin } = await start({
      schematics: ['customization: {}\n'],
      faults: [
        {
          match: { method: 'HEAD', path: /\.iso$/ },
          fault: { kind: 'status', status: 429 },
          times: 1,
        },
      ],
    });
    const url = `${standin.url}${IMAGE_PATH}`;
    expect(await headContentLength(url, { http: testHttp(), backoffMs: 1 })).toBe(1024);
    expect(standin.requests.filter((r) => r.method === 'HEAD')).toHaveLength(2);
  });
});
