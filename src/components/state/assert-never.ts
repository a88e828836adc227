/** Ends an exhaustive switch: adding a variant without handling it fails the type check. */
export function assertNever(value: never): never {
  throw new Error(`unhandled variant: ${JSON.stringify(value)}`);
}
