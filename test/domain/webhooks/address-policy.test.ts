import { describe, expect, it } from 'vitest';
import { refusedAddressClass } from '../../../src/domain/webhooks/address-policy.js';

describe('refusedAddressClass', () => {
  describe('IPv4', () => {
    it.each([
      ['127.0.0.1', 'loopback'],
      ['127.255.255.254', 'loopback'],
      ['127.1.2.3', 'loopback'],
      ['10.0.0.1', 'private'],
      ['10.255.255.255', 'private'],
      ['172.16.0.1', 'private'],
      ['172.31.255.255', 'private'],
      ['192.168.0.1', 'private'],
      ['192.168.255.255', 'private'],
      ['169.254.169.254', 'linkLocal'],
      ['169.254.0.1', 'linkLocal'],
      ['100.64.0.1', 'carrierGradeNat'],
      ['100.127.255.255', 'carrierGradeNat'],
      ['0.0.0.0', 'unspecified'],
      ['0.1.2.3', 'unspecified'],
      ['224.0.0.1', 'multicast'],
      ['239.255.255.255', 'multicast'],
      ['255.255.255.255', 'broadcast'],
    ])('refuses %s (%s)', (address, addressClass) => {
      expect(refusedAddressClass(address)).toBe(addressClass);
    });

    it.each(['192.0.2.1', '198.18.0.1', '240.0.0.1'])(
      'refuses %s, reserved for documentation, benchmarks or the future',
      (address) => {
        expect(refusedAddressClass(address)).not.toBeNull();
      },
    );

    it.each([
      '8.8.8.8',
      '1.1.1.1',
      '172.15.255.255',
      '172.32.0.1',
      '100.63.255.255',
      '100.128.0.1',
    ])('allows the public address %s, even beside a private range', (address) => {
      expect(refusedAddressClass(address)).toBeNull();
    });
  });

  describe('IPv6', () => {
    it.each([
      ['::1', 'loopback'],
      ['::', 'unspecified'],
      ['fe80::1', 'linkLocal'],
      ['febf:ffff::1', 'linkLocal'],
      ['fc00::1', 'uniqueLocal'],
      ['fd00:ec2::254', 'uniqueLocal'],
      ['fdff:ffff::1', 'uniqueLocal'],
      ['ff02::1', 'multicast'],
      ['ff0e::1', 'multicast'],
    ])('refuses %s (%s)', (address, addressClass) => {
      expect(refusedAddressClass(address)).toBe(addressClass);
    });

    it.each([
      ['::ffff:127.0.0.1', 'loopback'],
      ['::ffff:7f00:1', 'loopback'],
      ['::ffff:10.0.0.1', 'private'],
      ['::ffff:a9fe:a9fe', 'linkLocal'],
      ['::ffff:192.168.1.1', 'private'],
    ])('judges the IPv4-mapped %s as the IPv4 address it carries (%s)', (address, addressClass) => {
      expect(refusedAddressClass(address)).toBe(addressClass);
    });

    it('allows an IPv4-mapped public address as the public address it is', () => {
      expect(refusedAddressClass('::ffff:8.8.8.8')).toBeNull();
    });

    it.each([
      ['64:ff9b::7f00:1', 'NAT64 of 127.0.0.1'],
      ['64:ff9b::a00:1', 'NAT64 of 10.0.0.1'],
      ['2002:7f00:1::', '6to4 of 127.0.0.1'],
      ['2002:a00:1::1', '6to4 of 10.0.0.1'],
      ['2001::1', 'Teredo'],
      ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
      ['2001:db8::1', 'documentation'],
      ['2001:db8:ffff::1', 'documentation'],
      ['::127.0.0.1', 'IPv4-compatible 127.0.0.1'],
      ['100::1', 'discard'],
    ])('refuses %s (%s), which can carry a private address', (address) => {
      expect(refusedAddressClass(address)).not.toBeNull();
    });

    it.each(['2606:4700::1111', '2001:4860:4860::8888', '2a00:1450:4001:81b::200e'])(
      'allows the public address %s',
      (address) => {
        expect(refusedAddressClass(address)).toBeNull();
      },
    );
  });

  it.each([
    ['127.1', 'loopback'],
    ['0x7f000001', 'loopback'],
    ['2130706433', 'loopback'],
    ['0177.0.0.1', 'loopback'],
    ['0x7f.1', 'loopback'],
    ['10.1', 'private'],
    ['0xa000001', 'private'],
  ])(
    'judges the shorthand IPv4 form %s as the address a socket would reach (%s)',
    (text, addressClass) => {
      expect(refusedAddressClass(text)).toBe(addressClass);
    },
  );

  it.each(['', 'localhost', 'example.com', '256.0.0.1', '1.2.3.4.5', '::g', '[::1]'])(
    'refuses %j, which is no address',
    (text) => {
      expect(refusedAddressClass(text)).toBe('invalid');
    },
  );
});
