import ipaddr from 'ipaddr.js';

const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/**
 * Why an address may not receive webhooks, or null when it may: only public unicast addresses
 * do. An IPv4 address written as IPv6 (`::ffff:127.0.0.1`, `::127.0.0.1`) is judged as the IPv4
 * address it is, and IPv6 outside global unicast (2000::/3) is refused, which covers the NAT64,
 * 6to4 and Teredo forms that can carry a private IPv4 address inside them.
 */
export function refusedAddressClass(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'invalid';
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range !== 'unicast') return range;
  if (parsed.kind() === 'ipv6' && !(parsed as ipaddr.IPv6).match(GLOBAL_UNICAST)) return 'reserved';
  return null;
}
