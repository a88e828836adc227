import type { CommandIo } from './io.js';
import { UserInputError } from '../core/errors.js';

/** `talos-release id [schematic]`: implemented with the schematic codec. */
export async function runId(_argv: readonly string[], _io: CommandIo): Promise<number> {
  throw new UserInputError('talos-release id is not implemented yet');
}
