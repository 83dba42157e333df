import { benchCustomer } from './customers.js';
import type { ApiTarget } from './load.js';

/**
 * Creates `count` customers through `POST /v1/customers`, `concurrency` requests at a time, as a
 * client would. Returns their ids in creation order.
 */
export async function seedCustomersThroughApi(
  target: Required<ApiTarget>,
  count: number,
  concurrency: number,
): Promise<string[]> {
  const ids = new Array<string>(count);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) ids[i] = await createCustomer(target, i);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ids;
}

async function createCustomer(target: Required<ApiTarget>, i: number): Promise<string> {
  const response = await fetch(`${target.url}/v1/customers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(benchCustomer(i)),
  });
  const body = (await response.json()) as { id?: unknown };
  if (response.status !== 201 || typeof body.id !== 'string') {
    throw new Error(`POST /v1/customers answered ${response.status}: ${JSON.stringify(body)}`);
  }
  return body.id;
}
