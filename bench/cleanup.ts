/** A Cleanup that also runs when the bench is interrupted (Ctrl-C, or a kill), then exits. */
export function cleanupOnExit(): Cleanup {
  const cleanup = new Cleanup();
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => void cleanup.run().finally(() => process.exit(code)));
  }
  return cleanup;
}

/** Undo steps, run last-registered first, each once, even when an earlier one fails. */
export class Cleanup {
  readonly #steps: { name: string; run: () => Promise<void> | void }[] = [];

  defer(name: string, run: () => Promise<void> | void): void {
    this.#steps.push({ name, run });
  }

  async run(): Promise<void> {
    for (let step = this.#steps.pop(); step; step = this.#steps.pop()) {
      try {
        await step.run();
      } catch (error) {
        process.stderr.write(`bench: cleanup "${step.name}" failed: ${String(error)}\n`);
      }
    }
  }
}
