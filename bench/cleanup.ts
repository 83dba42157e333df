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
