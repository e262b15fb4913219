import { describe, expect, it } from 'vitest';
import { ipLiteralOf, isPublicAddress } from './network-address';

describe('which addresses an outgoing request may reach', () => {
  it.each([
    ['8.8.8.8', true],
    ['93.184.216.34', true],
    ['2606:4700:4700::1111', true],
    ['127.0.0.1', false],
    ['127.8.9.10', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['172.32.0.1', true],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['::1', false],
    ['::', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:8.8.8.8', true],
    ['fd12:3456::1', false],
    ['fe80::1', false],
    ['fe80::1%eth0', false],
    ['64:ff9b::7f00:1', false],
    ['2002:7f00:1::', false],
    ['[::1]', false],
    ['not an address', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it('reads an IP literal out of a URL host, brackets and all', () => {
    expect([ipLiteralOf('[::1]'), ipLiteralOf('127.0.0.1'), ipLiteralOf('example.com')]).toEqual(['::1', '127.0.0.1', null]);
  });
});
