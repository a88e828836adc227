// The UserInputError a reader throws for bad input; fails the test when it accepts the input.
import { UserInputError } from '../../../src/core/errors.js';

export function userInputErrorOf(read: () => unknown): UserInputError {
  try {
    read();
  } catch (error) {
    if (error instanceof UserInputError) return error;
    throw error;
  }
  throw new Error('expected the input to be refused');
}
