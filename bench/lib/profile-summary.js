// Reads a V8 .cpuprofile and adds up self time per package (node_modules/<name>), per file of the
// tool, and per Node internal: the view that showed where the wizard's first second goes.
import { readFile } from 'node:fs/promises';

/**
 * @typedef {{ id: number, callFrame: { url: string, functionName: string } }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[], startTime: number, endTime: number }} CpuProfile
 */

/** @param {ProfileNode['callFrame']} frame */
function groupOf(frame) {
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (inPackage) return inPackage[1] ?? frame.url;
  const inTool = /\/(dist\/.*)$/.exec(frame.url);
  if (inTool) return inTool[1] ?? frame.url;
  return frame.url || `(${frame.functionName || 'program'})`;
}

/**
 * @param {string} path
 * @returns {Promise<{ spanMs: number, groups: Array<{ name: string, ms: number }> }>}
 */
export async function summarizeProfile(path) {
  /** @type {CpuProfile} */
  const profile = JSON.parse(await readFile(path, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  /** @type {Map<string, number>} */
  const selfMicros = new Map();
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id);
    if (!node) return;
    const name = groupOf(node.callFrame);
    selfMicros.set(name, (selfMicros.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const groups = [...selfMicros]
    .map(([name, micros]) => ({ name, ms: micros / 1000 }))
    .sort((a, b) => b.ms - a.ms);
  return { spanMs: (profile.endTime - profile.startTime) / 1000, groups };
}
