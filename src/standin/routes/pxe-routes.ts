// GET /pxe/:schematic/:version/:path: the iPXE boot script (docs/factory-protocol.md §8.8). URLs
// inside are built on the PXE base (pxe.factory.talos.dev in production; the stand-in's own URL by
// default).
import { kernelCmdline } from '../cmdline.js';
import { buildProblem } from '../build-checks.js';
import { send, sendError } from '../respond.js';
import type { Exchange } from '../respond.js';
import { parsePlatformArch } from '../image-path.js';
import { resolveListedVersion } from '../listed-version.js';
import type { Router } from '../router.js';
import type { StandinState } from '../state.js';

async function pxe(state: StandinState, ex: Exchange, params: readonly string[]): Promise<void> {
  const [id = '', versionText = '', path = ''] = params;
  const stored = state.schematics.get(id);
  if (!stored) {
    await sendError(ex, 404, `schematic ID ${JSON.stringify(id)} not found`);
    return;
  }
  const version = resolveListedVersion(versionText);
  if (!version.ok) {
    await sendError(ex, version.status, version.message);
    return;
  }
  const target = parsePlatformArch(path);
  if (!target) {
    await sendError(
      ex,
      400,
      `error parsing profile from path: invalid profile path: ${JSON.stringify(path)}`,
    );
    return;
  }
  const problem = buildProblem(stored.schematic, version.version, version.name, target.secureboot);
  if (problem !== undefined) {
    await sendError(ex, 400, problem);
    return;
  }
  const base = `${state.pxeBaseUrl()}/image/${id}/${version.name}`;
  const cmdline = kernelCmdline(stored.schematic, target);
  const lines = target.secureboot
    ? [`kernel ${base}/${target.platform}-${target.arch}-secureboot-uki.efi ${cmdline}`]
    : [
        `kernel ${base}/kernel-${target.arch} ${cmdline}`,
        `initrd ${base}/initramfs-${target.arch}.xz`,
      ];
  const script = Buffer.from(['#!ipxe', '', 'imgfree', ...lines, 'boot', ''].join('\n'));
  // No Content-Type, as upstream: Go sniffs it as text/plain.
  await send(ex, 200, { 'Content-Length': script.length }, script);
}

export function pxeRoutes(router: Router, state: StandinState): void {
  router.on(['GET'], /^\/pxe\/([^/]+)\/([^/]+)\/([^/]+)$/, (ex, params) => pxe(state, ex, params));
}
