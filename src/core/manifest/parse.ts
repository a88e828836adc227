// Reading manifests and channel files from disk: one UserInputError that names the file and
// every failing field, so a hand-edited file is fixed in one pass.
import type { z } from 'zod';
import { UserInputError } from '../errors.js';
import { channelFileSchema } from './channel.js';
import type { ChannelFile } from './channel.js';
import { releaseManifestSchema } from './schema.js';
import type { ReleaseManifest } from './schema.js';

function fieldPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(the whole document)';
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`);
}

function parseJson(text: string, file: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UserInputError(`${file} is not valid JSON: ${(error as Error).message}`, {
      hint: `Fix the syntax, or restore the ${what} from version control.`,
    });
  }
}

function validate<T>(schema: z.ZodType<T>, value: unknown, file: string, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const lines = describeIssues(result.error).map((line) => `  - ${line}`);
  throw new UserInputError(`${file} is not a valid ${what}:\n${lines.join('\n')}`, {
    hint: `Fix the fields listed above (releases/schema.json describes the manifest), or restore the ${what} from version control.`,
  });
}

export function parseManifestObject(value: unknown, file: string): ReleaseManifest {
  return validate(releaseManifestSchema, value, file, 'release manifest');
}

export function parseManifest(text: string, file: string): ReleaseManifest {
  return parseManifestObject(parseJson(text, file, 'release manifest'), file);
}

export function parseChannelFile(text: string, file: string): ChannelFile {
  return validate(channelFileSchema, parseJson(text, file, 'channel file'), file, 'channel file');
}
