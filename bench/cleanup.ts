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

/** Runs a bench's main: a failure is printed with its stack and exits 1; cleanup runs either way. */
export async function runBench(main: () => Promise<void>, cleanup: Cleanup): Promise<void> {
  try {
    await main();
  } catch (error) {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  } finally {
    await cleanup.run();
  }
}
