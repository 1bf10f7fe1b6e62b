import { describe, expect, it } from 'vitest';
import { clientBuckets, ipv6Groups } from '#functions/http/client';

const buckets = (headers: Record<string, string>) => clientBuckets(new Headers(headers));

describe('clientBuckets', () => {
  it('counts IPv4 clients per address', () => {
    expect(buckets({ 'cf-connecting-ip': '198.51.100.7' })).toEqual({ narrow: '4:198.51.100.7' });
  });

  it('counts IPv6 clients per /64, and per /48 more loosely, however the address is written', () => {
    const expected = { narrow: '6:2001:db8:1:2', wide: '6/48:2001:db8:1' };
    for (const ip of ['2001:db8:1:2::1', '2001:0DB8:0001:0002:ffff:ffff:ffff:ffff', '[2001:db8:1:2::abcd]', '2001:db8:1:2:0:0:0:9%eth0']) {
      expect(buckets({ 'cf-connecting-ip': ip }), ip).toEqual(expected);
    }
    expect(buckets({ 'cf-connecting-ip': '2001:db8:1:3::1' }).narrow).not.toBe(expected.narrow);
    expect(buckets({ 'cf-connecting-ip': '2001:db8:1:3::1' }).wide).toBe(expected.wide);
  });

  it('treats IPv4-mapped IPv6 as the IPv4 client', () => {
    expect(buckets({ 'cf-connecting-ip': '::ffff:198.51.100.7' })).toEqual({ narrow: '4:198.51.100.7' });
  });

  it('trusts only CF-Connecting-IP: without it (or with garbage) every request shares one bucket', () => {
    expect(buckets({ 'x-forwarded-for': '203.0.113.1', 'x-real-ip': '203.0.113.2' })).toEqual({ narrow: 'no-address' });
    expect(buckets({ 'cf-connecting-ip': 'not-an-ip' })).toEqual({ narrow: 'no-address' });
    expect(buckets({ 'cf-connecting-ip': '256.1.1.1' })).toEqual({ narrow: 'no-address' });
  });
});

describe('ipv6Groups', () => {
  it.each([
    ['::', [0, 0, 0, 0, 0, 0, 0, 0]],
    ['::1', [0, 0, 0, 0, 0, 0, 0, 1]],
    ['fe80::1:2', [0xfe80, 0, 0, 0, 0, 0, 1, 2]],
    ['1:2:3:4:5:6:7:8', [1, 2, 3, 4, 5, 6, 7, 8]],
    ['::ffff:192.0.2.1', [0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201]],
  ])('%s', (ip, groups) => {
    expect(ipv6Groups(ip)).toEqual(groups);
  });

  it.each(['1::2::3', '1:2:3:4:5:6:7:8:9', '12345::', 'g::1', '1:2:3:4:5:6:7'])('refuses %s', (ip) => {
    expect(ipv6Groups(ip)).toBeUndefined();
  });
});
