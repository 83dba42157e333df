/** Where a command writes: the terminal, or a buffer in tests. */
export interface CommandOutput {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The command line was not understood; psc prints the usage after the message. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
