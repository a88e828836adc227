// A real registry for tests: Debian's CNCF distribution 2.8 (`docker-registry`), started with a
// config in a temp dir on a free loopback port, optionally with htpasswd basic auth and with TLS
// from a CA made here with openssl. stop()/start() keep the port and the storage, so a test can
// restart the registry under a running upload. faultProxy() sits in front of it to inject errors.
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import bcrypt from 'bcryptjs';

const run = promisify(execFile);

export const DOCKER_REGISTRY_BIN = '/usr/bin/docker-registry';
export const HAS_DOCKER_REGISTRY = existsSync(DOCKER_REGISTRY_BIN);
export const SKOPEO_BIN = ['/usr/bin/skopeo', '/usr/local/bin/skopeo'].find((path) =>
  existsSync(path),
);
export const OPENSSL_BIN = ['/usr/bin/openssl', '/usr/local/bin/openssl'].find((path) =>
  existsSync(path),
);
export const NO_REGISTRY_MESSAGE =
  'skipped: /usr/bin/docker-registry is not installed (apt-get install docker-registry; .ci/run does)';

export interface RegistryUser {
  readonly username: string;
  readonly password: string;
}

export interface DockerRegistryOptions {
  readonly auth?: RegistryUser | undefined;
  readonly tls?: boolean | undefined;
}

export interface DockerRegistry {
  /** 127.0.0.1:<port> */
  readonly host: string;
  readonly scheme: 'http' | 'https';
  /** The test CA that signed the server certificate (tls only). */
  readonly caPath?: string | undefined;
  /** A directory holding ca.crt, for `skopeo --cert-dir` (tls only). */
  readonly certDir?: string | undefined;
  readonly rootDir: string;
  /** Kills the registry (SIGKILL by default: a crash, not a drain). */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again on the same port with the same storage. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** A free loopback port: listen on 0, note the port, close. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A CA and a server certificate for IP 127.0.0.1 signed by it. */
async function makeCertificates(dir: string): Promise<{ ca: string; cert: string; key: string }> {
  const openssl = OPENSSL_BIN ?? 'openssl';
  const ca = join(dir, 'ca.pem');
  const caKey = join(dir, 'ca.key');
  const key = join(dir, 'server.key');
  const csr = join(dir, 'server.csr');
  const cert = join(dir, 'server.pem');
  const ext = join(dir, 'server.ext');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run(openssl, [
    'req', '-x509', ...ec, '-keyout', caKey, '-out', ca, '-days', '2',
    '-subj', '/CN=talos-release test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE',
    '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ]); // prettier-ignore
  await run(openssl, ['req', ...ec, '-keyout', key, '-out', csr, '-subj', '/CN=127.0.0.1']);
  await writeFile(
    ext,
    'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n',
  );
  await run(openssl, [
    'x509', '-req', '-in', csr, '-CA', ca, '-CAkey', caKey, '-CAcreateserial',
    '-out', cert, '-days', '2', '-extfile', ext,
  ]); // prettier-ignore
  return { ca, cert, key };
}

function configYaml(options: {
  rootDir: string;
  port: number;
  secret: string;
  htpasswd?: string | undefined;
  tls?: { cert: string; key: string } | undefined;
}): string {
  const lines = [
    'version: 0.1',
    'log:',
    '  level: error',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(options.rootDir)}`,
    '  delete:',
    '    enabled: true',
    'http:',
    `  addr: 127.0.0.1:${options.port}`,
    // A fixed secret keeps upload-session URLs valid across a restart, as in any real deployment
    // that runs more than one instance.
    `  secret: ${options.secret}`,
  ];
  if (options.tls) {
    lines.push(
      '  tls:',
      `    certificate: ${JSON.stringify(options.tls.cert)}`,
      `    key: ${JSON.stringify(options.tls.key)}`,
    );
  }
  if (options.htpasswd) {
    lines.push(
      'auth:',
      '  htpasswd:',
      '    realm: talos-release-test',
      `    path: ${JSON.stringify(options.htpasswd)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** GET /v2/ until it answers 200 or 401, or the process dies. */
async function waitReady(
  url: string,
  ca: Buffer | undefined,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `docker-registry exited (${child.exitCode ?? child.signalCode}): ${output()}`,
      );
    }
    const status = await new Promise<number | undefined>((resolve) => {
      const request = (url.startsWith('https:') ? https : http).get(
        url,
        url.startsWith('https:') && ca ? { ca } : {},
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      );
      request.on('error', () => resolve(undefined));
      request.setTimeout(1000, () => request.destroy());
    });
    if (status === 200 || status === 401) return;
    if (Date.now() > deadline)
      throw new Error(`docker-registry did not answer ${url}: ${output()}`);
    await sleep(50);
  }
}

export async function startDockerRegistry(
  options: DockerRegistryOptions = {},
): Promise<DockerRegistry> {
  const dir = await mkdtemp(join(tmpdir(), 'talos-registry-'));
  const rootDir = join(dir, 'storage');
  await mkdir(rootDir);
  let htpasswd: string | undefined;
  if (options.auth) {
    htpasswd = join(dir, 'htpasswd');
    // distribution accepts bcrypt only; cost 5 keeps the test quick.
    const hash = bcrypt.hashSync(options.auth.password, 5).replace(/^\$2[ab]\$/, '$2y$');
    await writeFile(htpasswd, `${options.auth.username}:${hash}\n`);
  }
  const tls = options.tls ? await makeCertificates(dir) : undefined;
  let certDir: string | undefined;
  if (tls) {
    certDir = join(dir, 'certs.d');
    await mkdir(certDir);
    await copyFile(tls.ca, join(certDir, 'ca.crt'));
  }
  const caPem = tls ? await readFile(tls.ca) : undefined;
  const secret = randomBytes(16).toString('hex');
  const scheme = tls ? 'https' : 'http';
  let port = 0;
  let child: ChildProcess | undefined;

  const launch = async (keepPort: boolean): Promise<void> => {
    for (let attempt = 0; ; attempt += 1) {
      if (!keepPort || port === 0) port = await freePort();
      const configPath = join(dir, 'config.yml');
      await writeFile(configPath, configYaml({ rootDir, port, secret, htpasswd, tls }));
      let output = '';
      const started = spawn(DOCKER_REGISTRY_BIN, ['serve', configPath], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      started.stdout?.on(
        'data',
        (chunk: Buffer) => (output = `${output}${chunk.toString()}`.slice(-4000)),
      );
      started.stderr?.on(
        'data',
        (chunk: Buffer) => (output = `${output}${chunk.toString()}`.slice(-4000)),
      );
      child = started;
      try {
        await waitReady(`${scheme}://127.0.0.1:${port}/v2/`, caPem, started, () => output);
        return;
      } catch (error) {
        started.kill('SIGKILL');
        // Another process took the port between our probe and the registry's bind: try again.
        if (attempt < 5 && /address already in use/i.test(output)) {
          await sleep(100);
          continue;
        }
        throw error;
      }
    }
  };

  const stop = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    const current = child;
    child = undefined;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      current.once('exit', () => resolve());
      current.kill(signal);
    });
  };

  await launch(false);
  return {
    get host() {
      return `127.0.0.1:${port}`;
    },
    scheme,
    caPath: tls?.ca,
    certDir,
    rootDir,
    stop,
    start: () => launch(true),
    async close() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Flags for `skopeo inspect|copy` against this registry (the docker:// side). */
export function skopeoArgs(registry: DockerRegistry, creds?: RegistryUser): string[] {
  return [
    ...(registry.scheme === 'http' ? ['--tls-verify=false'] : []),
    ...(registry.certDir ? ['--cert-dir', registry.certDir] : []),
    ...(creds ? ['--creds', `${creds.username}:${creds.password}`] : ['--no-creds']),
  ];
}

/** What the fault proxy answers instead of forwarding; undefined forwards the request. */
export type FaultRule = (request: {
  readonly method: string;
  readonly path: string;
}) => { readonly status: number; readonly body?: string } | undefined;

/** 500 (or `status`) for every manifest PUT: "the registry failed to store the manifest". */
export function failManifestPuts(status = 500): FaultRule {
  return ({ method, path }) =>
    method === 'PUT' && /\/manifests\/[^/]+$/.test(path.split('?')[0] ?? '')
      ? { status, body: '{"errors":[{"code":"UNKNOWN","message":"injected fault"}]}' }
      : undefined;
}

export interface FaultProxy {
  /** 127.0.0.1:<port>; plain http. */
  readonly host: string;
  /** How many requests the rule answered. */
  readonly faults: number;
  close(): Promise<void>;
}

/** A tiny http proxy in front of a plain-http registry that answers what `rule` says. */
export async function faultProxy(
  target: { readonly host: string },
  rule: FaultRule,
): Promise<FaultProxy> {
  let faults = 0;
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    const fault = rule({ method: request.method ?? 'GET', path });
    if (fault) {
      faults += 1;
      request.resume();
      response.writeHead(fault.status, { 'content-type': 'application/json' });
      response.end(fault.body ?? '');
      return;
    }
    const [hostname, port] = target.host.split(':');
    // The Host header is kept, so the registry's absolute Locations point back at the proxy.
    const upstream = http.request(
      { hostname, port: Number(port), method: request.method, path, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    get faults() {
      return faults;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
