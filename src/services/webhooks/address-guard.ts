import { promises as dns, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { refusedAddressClass } from '../../domain/webhooks/address-policy.js';
import { addressNotAllowed, literalAddress } from '../../domain/webhooks/webhook-url.js';

/** Resolves a host name to all its addresses: the system's resolver, or a test's. */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolve: Resolve = (hostname) =>
  dns.lookup(hostname, { all: true, verbatim: true });

/**
 * The addresses `hostname` stands for, each one public, or a `webhook_url_not_allowed` refusal
 * naming the first that is not. A name with one private address among public ones is refused
 * whole: which address a connection uses is not ours to choose.
 */
export async function publicAddresses(
  hostname: string,
  resolve: Resolve = systemResolve,
): Promise<LookupAddress[]> {
  const literal = literalAddress(hostname);
  const addresses = literal
    ? [{ address: literal, family: literal.includes(':') ? 6 : 4 }]
    : await resolve(hostname);
  for (const { address } of addresses) {
    const refused = refusedAddressClass(address);
    if (refused !== null) throw addressNotAllowed(hostname, refused);
  }
  return addresses;
}

/**
 * A `lookup` for sockets that resolves once, checks, and hands the socket the very addresses it
 * checked: a second answer from DNS (rebinding) never reaches the connection.
 */
export function guardedLookup(resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    publicAddresses(hostname, resolve).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
        const usable = addresses.filter((a) => wanted === undefined || a.family === wanted);
        const first = usable[0];
        if (!first) {
          callback(
            Object.assign(new Error(`${hostname} has no usable address`), { code: 'ENOTFOUND' }),
            '',
            0,
          );
        } else if (options.all) {
          (callback as unknown as (err: null, addresses: LookupAddress[]) => void)(null, usable);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };
}
