// `status`: is a new release due on a channel? Reads the channel's current release, then checks
// the schematic file (always) and the factory (unless offline) against it.
import { readChannel, readManifest } from '../diff/index.js';
import type { FactoryClient } from '../factory/index.js';
import { channelPathFor } from '../pipeline/index.js';
import { factoryFindings } from './factory-status.js';
import { schematicFinding } from './schematic-status.js';
import type { StatusReport } from './types.js';

/** The exit code of `status` when a new release is due (0 when current), like `terraform plan -detailed-exitcode`. */
export const RELEASE_DUE_EXIT_CODE = 10;

export interface StatusRequest {
  readonly root: string;
  readonly channel: string;
  /** Absent: offline, the schematic only. Given the current release's factory URL by default. */
  readonly factory?: ((factoryUrl: string) => FactoryClient) | undefined;
}

export async function checkStatus(request: StatusRequest): Promise<StatusReport> {
  const channel = await readChannel(channelPathFor(request.root, request.channel), request.channel);
  const manifest = await readManifest(request.root, channel.current.manifest);
  const schematic = await schematicFinding(manifest, request.root);
  const online = request.factory
    ? await factoryFindings(manifest, request.factory(manifest.talos.factoryUrl))
    : [];
  const findings = [...(schematic ? [schematic] : []), ...online];
  return {
    channel: request.channel,
    releaseVersion: manifest.releaseVersion,
    talosVersion: manifest.talos.version,
    schematicId: manifest.talos.schematicId,
    offline: request.factory === undefined,
    due: findings.some((finding) => finding.due),
    findings,
  };
}
