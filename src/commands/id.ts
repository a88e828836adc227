// `talos-release id [schematic]`: the schematic's canonical YAML and ID, computed offline. By
// default in the tool's normal form (extensions sorted); --as-is gives the factory's ID for the
// file exactly as written.
import path from 'node:path';
import { UserInputError } from '../core/errors.js';
import { DEFAULT_SCHEMATIC_PATH } from '../core/pipeline/index.js';
import {
  dialectSensitiveStrings,
  encodeCanonical,
  findSecretLikeValues,
  loadSchematicFile,
  normalizeSchematic,
  schematicId,
} from '../core/schematic/index.js';
import type { Schematic } from '../core/schematic/index.js';
import type { CommandIo } from './io.js';
import { parseCommandFlags } from './parse-flags.js';

interface IdFlags {
  readonly root: string;
  readonly schematic: string;
  readonly asIs: boolean;
  readonly json: boolean;
}

function parseIdFlags(argv: readonly string[], io: CommandIo): IdFlags {
  const parsed = parseCommandFlags(
    argv,
    {
      root: { type: 'string' },
      'as-is': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    'Usage: talos-release id [schematic] [--root <dir>] [--as-is] [--json].',
  );
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    throw new UserInputError(
      `id takes one schematic file, got ${positionals.length}: ${positionals.join(' ')}`,
      {
        hint: 'Run talos-release id once per schematic file.',
      },
    );
  }
  return {
    root: path.resolve(io.cwd, values.root ?? '.'),
    schematic: positionals[0] ?? DEFAULT_SCHEMATIC_PATH,
    asIs: values['as-is'],
    json: values.json,
  };
}

/** The path as the user will recognise it in messages: relative to where they are, if inside. */
function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
    ? relative
    : absolute;
}

function encoded(schematic: Schematic): { id: string; canonical: string } {
  const canonical = encodeCanonical(schematic);
  return { id: schematicId(canonical), canonical };
}

function notesFor(schematic: Schematic, changes: readonly string[]): string[] {
  const notes = changes.map((change) => `note: ${change}`);
  const sensitive = dialectSensitiveStrings(schematic);
  if (sensitive.length > 0) {
    const list = sensitive.map((s) => JSON.stringify(s)).join(', ');
    notes.push(
      `note: this ID is computed locally for factory ≥ v1.5.0; factories up to v1.4.x encode ${list} differently and give another ID`,
    );
  }
  for (const finding of findSecretLikeValues(schematic)) {
    notes.push(
      `warning: ${finding.path} ${finding.reason}; schematics are public by ID on the community factory`,
    );
  }
  return notes;
}

export async function runId(argv: readonly string[], io: CommandIo): Promise<number> {
  const flags = parseIdFlags(argv, io);
  const absolute = path.resolve(flags.root, flags.schematic);
  const loaded = await loadSchematicFile(absolute, {
    displayName: displayPath(absolute, io.cwd),
    missingHint: `Check the path, or pass the schematic file as an argument (default: ${DEFAULT_SCHEMATIC_PATH} under --root).`,
  });
  const asIs = encoded(loaded.schematic);
  const normal = flags.asIs
    ? { schematic: loaded.schematic, changes: [] }
    : normalizeSchematic(loaded.schematic);
  const result = flags.asIs ? asIs : encoded(normal.schematic);
  const notes = notesFor(normal.schematic, normal.changes);
  if (flags.json) {
    const json = { id: result.id, canonical: result.canonical, changes: normal.changes, asIs };
    io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.stdout.write(`${result.canonical}\nid: ${result.id}\n`);
  }
  for (const note of notes) io.stderr.write(`${note}\n`);
  return 0;
}
