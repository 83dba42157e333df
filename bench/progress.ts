/** Runs one step of the bench, telling stderr what it does and how long it took. */
export async function progress<T>(step: string, work: () => Promise<T>): Promise<T> {
  process.stderr.write(`bench: ${step} …`);
  const started = performance.now();
  try {
    return await work();
  } finally {
    process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
}
