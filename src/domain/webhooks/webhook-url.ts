import { DomainError, validationFailed } from '../errors.js';
import { refusedAddressClass } from './address-policy.js';

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/**
 * The endpoint's URL, checked as far as can be without the network: `https`, or `http` only
 * where private receivers are allowed (a test bench, a private network); no user name or password
 * in it (they would show wherever the URL does) and no fragment; an IP address in it must be a
 * public one. What a host name resolves to is checked again at every delivery.
 */
export function parseWebhookUrl(text: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalidUrl('an absolute URL such as https://example.com/psc-webhooks');
  }
  if (text.length > MAX_WEBHOOK_URL_LENGTH) {
    throw invalidUrl(`at most ${MAX_WEBHOOK_URL_LENGTH} characters long`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidUrl('an https URL');
  if (url.username !== '' || url.password !== '') {
    throw invalidUrl('a URL without a user name or password (sign requests with the secret)');
  }
  if (url.hash !== '') throw invalidUrl('a URL without a #fragment');
  if (allowPrivate) return url;
  if (url.protocol === 'http:') {
    throw notAllowed(
      'Webhooks go to https URLs; http is allowed only with PSC_WEBHOOK_ALLOW_PRIVATE=true.',
    );
  }
  const address = literalAddress(url.hostname);
  const refused = address === null ? null : refusedAddressClass(address);
  if (refused !== null) throw addressNotAllowed(url.hostname, refused);
  return url;
}

/**
 * The IP address a parsed URL's host names literally (`[::1]` is `::1`), or null for a host name.
 * The URL parser has already written every IPv4 form (`0x7f.1`, `2130706433`) as a dotted quad.
 */
export function literalAddress(hostname: string): string | null {
  if (hostname.startsWith('[')) return hostname.slice(1, -1);
  return /^\d+\.\d+\.\d+\.\d+$/.test(hostname) ? hostname : null;
}

/** The refusal of a host that is or resolves to a non-public address. */
export function addressNotAllowed(host: string, addressClass: string): DomainError {
  return notAllowed(
    `${host} is a ${addressClass} address; webhooks go to public addresses only (PSC_WEBHOOK_ALLOW_PRIVATE=true allows others).`,
  );
}

function notAllowed(message: string): DomainError {
  return new DomainError('webhook_url_not_allowed', message, [
    { field: '/url', code: 'webhook_url_not_allowed', detail: message },
  ]);
}

function invalidUrl(what: string): DomainError {
  return validationFailed([
    { field: '/url', code: 'invalid_value', detail: `The URL must be ${what}.` },
  ]);
}
