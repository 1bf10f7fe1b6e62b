/**
 * Who a request comes from, for rate limits. Only `CF-Connecting-IP` is trusted: Cloudflare
 * sets it (and wrangler dev does too); `X-Forwarded-For` and `X-Real-IP` are whatever the
 * client wrote. IPv6 clients are counted per /64 (one subscriber's network, however many
 * addresses they rotate through) and, more loosely, per /48; IPv4 clients per address.
 */

export interface ClientBuckets {
  /** The IPv4 address or the IPv6 /64; `no-address` for a request without CF-Connecting-IP (all share it). */
  narrow: string;
  /** The IPv6 /48, counted with a looser limit. */
  wide?: string | undefined;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4(value: string): string | undefined {
  const match = IPV4.exec(value);
  if (!match) return undefined;
  const parts = match.slice(1).map(Number);
  return parts.every((part) => part <= 255) ? parts.join('.') : undefined;
}

/** The eight 16-bit groups of an IPv6 address, or undefined when it is not one. */
export function ipv6Groups(value: string): number[] | undefined {
  let address = value
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .split('%')[0]!;
  // An embedded IPv4 tail (::ffff:192.0.2.1) becomes two groups.
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (tail) {
    const v4 = ipv4(tail[1]!);
    if (!v4) return undefined;
    const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
    address = `${address.slice(0, -tail[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string) => (part === '' ? [] : part.split(':'));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return undefined;
  return groups.map((group) => parseInt(group, 16));
}

const prefix = (groups: number[], count: number) =>
  groups
    .slice(0, count)
    .map((g) => g.toString(16))
    .join(':');

/**
 * The rate-limit buckets of a request.
 *
 * @example clientBuckets(new Headers({ 'cf-connecting-ip': '2001:db8:1:2:aaaa::1' })) // { narrow: '6:2001:db8:1:2', wide: '6/48:2001:db8:1' }
 */
export function clientBuckets(headers: Headers): ClientBuckets {
  const raw = headers.get('cf-connecting-ip')?.trim();
  if (!raw) return { narrow: 'no-address' };
  const v4 = ipv4(raw);
  if (v4) return { narrow: `4:${v4}` };
  const groups = ipv6Groups(raw);
  if (!groups) return { narrow: 'no-address' };
  // IPv4-mapped IPv6 (::ffff:a.b.c.d) is the IPv4 client.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return { narrow: `4:${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}` };
  }
  return { narrow: `6:${prefix(groups, 4)}`, wide: `6/48:${prefix(groups, 3)}` };
}
