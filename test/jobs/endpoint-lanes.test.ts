import { describe, expect, it } from 'vitest';
import { EndpointLanes } from '../../src/jobs/endpoint-lanes.js';

/** Lanes whose posts end when the test says. */
function lanes(concurrency: number, rounds: number) {
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const made = new EndpointLanes<string>(concurrency, rounds, (item) => {
    started.push(item);
    return new Promise<void>((resolve) => finish.set(item, resolve));
  });
  const end = async (item: string) => {
    finish.get(item)?.();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { made, started, end };
}

describe('endpoint lanes', () => {
  it('post `concurrency` at once per endpoint and start the next when one ends', async () => {
    const { made, started, end } = lanes(2, 3);
    for (const item of ['a1', 'a2', 'a3', 'a4']) made.add('a', item);
    made.add('b', 'b1');
    expect(started).toEqual(['a1', 'a2', 'b1']);
    expect(made.size).toBe(5);
    await end('a1');
    expect(started).toEqual(['a1', 'a2', 'b1', 'a3']);
    expect(made.size).toBe(4);
  });

  it('hold `rounds` × `concurrency` of an endpoint, and say when it runs low', async () => {
    const { made, end } = lanes(2, 3);
    for (let i = 1; i <= 6; i += 1) made.add('a', `a${i}`);
    expect(made.room('a')).toBe(0);
    expect(made.full()).toEqual(['a']);
    expect(made.room('b')).toBe(6);
    expect(made.runningLow('a')).toBe(false);
    for (const item of ['a1', 'a2', 'a3', 'a4']) await end(item);
    expect(made.runningLow('a')).toBe(true);
    expect(made.full()).toEqual([]);
  });

  it('give up the waiting ones, not those posting', () => {
    const { made, started } = lanes(1, 3);
    for (const item of ['a1', 'a2', 'a3']) made.add('a', item);
    expect(made.drainWaiting()).toEqual(['a2', 'a3']);
    expect(started).toEqual(['a1']);
    expect(made.size).toBe(1);
  });
});
