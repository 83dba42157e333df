import { describe, expect, it } from 'vitest';
import { refusal } from '../../helpers/refusals.js';
import {
  literalAddress,
  MAX_WEBHOOK_URL_LENGTH,
  parseWebhookUrl,
} from '../../../src/domain/webhooks/webhook-url.js';

/** Refused as not a URL a webhook can have: 400 validation_failed at /url. */
function expectInvalid(text: string, allowPrivate = false) {
  const error = refusal(() => parseWebhookUrl(text, allowPrivate));
  expect(error.code, text).toBe('validation_failed');
  expect(error.errors, text).toEqual([
    expect.objectContaining({ field: '/url', code: 'invalid_value' }),
  ]);
  return error;
}

/** Refused as a URL this server may not post to: 422 webhook_url_not_allowed at /url. */
function expectNotAllowed(text: string) {
  const error = refusal(() => parseWebhookUrl(text, false));
  expect(error.code, text).toBe('webhook_url_not_allowed');
  expect(error.errors, text).toEqual([
    expect.objectContaining({ field: '/url', code: 'webhook_url_not_allowed' }),
  ]);
  return error;
}

describe('parseWebhookUrl', () => {
  it('takes an https URL, as the URL parser writes it', () => {
    expect(parseWebhookUrl('https://hooks.example.com/psc', false).href).toBe(
      'https://hooks.example.com/psc',
    );
    expect(parseWebhookUrl('HTTPS://Hooks.Example.COM:8443/a?b=c', false).href).toBe(
      'https://hooks.example.com:8443/a?b=c',
    );
    expect(parseWebhookUrl('https://8.8.8.8/hook', false).hostname).toBe('8.8.8.8');
    expect(parseWebhookUrl('https://[2606:4700::1111]/hook', false).hostname).toBe(
      '[2606:4700::1111]',
    );
  });

  it('refuses http unless private receivers are allowed', () => {
    const error = expectNotAllowed('http://hooks.example.com/psc');
    expect(error.message).toContain('PSC_WEBHOOK_ALLOW_PRIVATE');
    expect(parseWebhookUrl('http://hooks.example.com/psc', true).protocol).toBe('http:');
  });

  it.each([
    'ftp://hooks.example.com/psc',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/plain,hi',
    'ws://hooks.example.com/',
    'mailto:ops@example.com',
  ])('refuses the scheme of %s, even with private receivers allowed', (text) => {
    expectInvalid(text);
    expectInvalid(text, true);
  });

  it.each([
    '/psc-webhooks',
    'hooks.example.com/psc',
    'https://',
    'not a url',
    '',
    'https://exa mple.com/',
  ])('refuses %j, which is not an absolute URL', (text) => {
    expectInvalid(text);
  });

  it.each([
    'https://user:pass@hooks.example.com/',
    'https://user@hooks.example.com/',
    'https://:pass@hooks.example.com/',
  ])('refuses a user name or password in %s', (text) => {
    expectInvalid(text);
    expectInvalid(text, true);
  });

  it('refuses a fragment', () => {
    expectInvalid('https://hooks.example.com/psc#section');
    expectInvalid('https://hooks.example.com/psc#section', true);
  });

  it(`refuses a URL longer than ${MAX_WEBHOOK_URL_LENGTH} characters`, () => {
    const base = 'https://hooks.example.com/';
    const longest = base + 'a'.repeat(MAX_WEBHOOK_URL_LENGTH - base.length);
    expect(parseWebhookUrl(longest, false).href).toBe(longest);
    expectInvalid(`${longest}a`);
    expectInvalid(`${longest}a`, true);
  });

  it.each([
    'https://127.0.0.1/',
    'https://127.0.0.1:8443/hook',
    'https://10.0.0.1/',
    'https://172.16.5.4/',
    'https://192.168.1.1/',
    'https://169.254.169.254/latest/meta-data/',
    'https://100.64.0.1/',
    'https://0.0.0.0/',
    'https://224.0.0.1/',
    'https://255.255.255.255/',
    'https://[::1]/',
    'https://[::]/',
    'https://[fe80::1]/',
    'https://[fd00:ec2::254]/',
    'https://[ff02::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:7f00:1]/',
    'https://[::ffff:10.0.0.1]/',
    'https://[64:ff9b::7f00:1]/',
    'https://[2002:7f00:1::]/',
    'https://[2001::1]/',
    'https://[2001:db8::1]/',
  ])('refuses the literal non-public address of %s', (text) => {
    const error = expectNotAllowed(text);
    expect(error.message).toContain('public addresses only');
  });

  it.each([
    'https://0x7f.1/',
    'https://2130706433/',
    'https://017700000001/',
    'https://127.1/',
    'https://0x7f000001/',
    'https://127.0.0.1./',
    'https://%31%32%37.0.0.1/',
    'https://0xa9.0xfe.0xa9.0xfe/',
  ])('refuses %s, another spelling of a non-public IPv4 address', (text) => {
    const error = expectNotAllowed(text);
    expect(error.message).toMatch(/is a \w+ address/);
  });

  it.each(['http://0x7f.1/', 'http://2130706433/', 'http://[::1]/', 'http://127.0.0.1:8080/'])(
    'refuses %s, and lets it through where private receivers are allowed',
    (text) => {
      expectNotAllowed(text);
      expect(() => parseWebhookUrl(text, true)).not.toThrow();
    },
  );

  it('lets private receivers through where they are allowed', () => {
    expect(parseWebhookUrl('https://[::1]:9000/hook', true).hostname).toBe('[::1]');
    expect(parseWebhookUrl('http://10.0.0.1/hook', true).href).toBe('http://10.0.0.1/hook');
    expect(parseWebhookUrl('http://2130706433/', true).hostname).toBe('127.0.0.1');
  });

  it('leaves host names for the resolver: they are checked at every delivery', () => {
    expect(parseWebhookUrl('https://localhost/hook', false).hostname).toBe('localhost');
    expect(parseWebhookUrl('https://internal.corp/hook', false).hostname).toBe('internal.corp');
  });
});

describe('literalAddress', () => {
  it('answers the address a parsed host names, or null for a name', () => {
    expect(literalAddress('127.0.0.1')).toBe('127.0.0.1');
    expect(literalAddress('[::1]')).toBe('::1');
    expect(literalAddress('[fd00:ec2::254]')).toBe('fd00:ec2::254');
    expect(literalAddress('example.com')).toBeNull();
    expect(literalAddress('1.2.3.4.example.com')).toBeNull();
  });
});
