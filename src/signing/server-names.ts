import { isIP } from 'node:net';

/**
 * The names a clinic host's TLS certificate vouches for: DNS host names (RFC 1123) and IP
 * addresses (IPv4 and IPv6), checked and put in one canonical spelling before the clinic root
 * signs them, so a typo is refused in words instead of becoming a certificate no tablet accepts.
 */

/** Which input a refused name came from, with its index: "hostNames.1", "addresses.0". */
export type ServerNameField = 'hostNames' | 'addresses' | 'publicKeyPem';

/** A request the clinic root will not sign, said in words; `path` names the input that is wrong. */
export class ServerCertificateInputError extends Error {
  constructor(
    message: string,
    readonly field: ServerNameField | null,
    readonly path: string | null = field,
  ) {
    super(message);
    this.name = 'ServerCertificateInputError';
  }
}

/** More would not fit a tablet's certificate viewer, and no clinic host has that many names. */
export const maximumServerNames = 50;

const hostLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

function hostNameProblem(name: string): string | null {
  if (isIP(name) !== 0) return 'is an IP address: list it under addresses';
  if (name.length > 253) return 'is longer than 253 characters';
  if (name.includes('*')) return 'is a wildcard: list each host name itself';
  const labels = name.split('.');
  if (!labels.every((label) => hostLabel.test(label))) {
    return 'is not a host name: use letters a–z, digits and hyphens, in dot-separated parts of at most 63 characters that neither start nor end with a hyphen (RFC 1123)';
  }
  // RFC 1123 §2.1 and RFC 3696 §2: a top-level part of digits only would read as an address.
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? '')) return 'ends in digits only, so it reads as an address';
  return null;
}

/** Host names in lower case (DNS ignores case), each checked, duplicates dropped. */
export function canonicalHostNames(names: readonly string[]): string[] {
  const result: string[] = [];
  for (const [index, raw] of names.entries()) {
    const name = raw.trim().toLowerCase();
    if (name === '') {
      throw new ServerCertificateInputError(
        'A host name is empty: fill it in or remove it.',
        'hostNames',
        `hostNames.${index}`,
      );
    }
    const problem = hostNameProblem(name);
    if (problem !== null) {
      throw new ServerCertificateInputError(`“${raw}” ${problem}.`, 'hostNames', `hostNames.${index}`);
    }
    if (!result.includes(name)) result.push(name);
  }
  return result;
}

function ipv4Bytes(address: string): number[] {
  return address.split('.').map((part) => Number.parseInt(part, 10));
}

/** The 16 bytes of an IPv6 address already accepted by isIP (with "::" and an IPv4 tail). */
function ipv6Bytes(address: string): number[] {
  let text = address;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (tail !== undefined) {
    const [a = 0, b = 0, c = 0, d = 0] = ipv4Bytes(tail);
    text = `${text.slice(0, -tail.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const groups =
    rest === undefined
      ? headGroups
      : [...headGroups, ...Array<string>(8 - headGroups.length - restGroups.length).fill('0'), ...restGroups];
  return groups.flatMap((group) => {
    const value = Number.parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

/** The address as the bytes of an X.509 iPAddress name: 4 for IPv4, 16 for IPv6. */
export function addressBytes(address: string): Buffer {
  return Buffer.from(isIP(address) === 4 ? ipv4Bytes(address) : ipv6Bytes(address));
}

/** RFC 5952 text of an address: lower case, no leading zeros, the longest run of zero groups as "::". */
function canonicalAddress(address: string): string {
  const bytes = addressBytes(address);
  if (bytes.length === 4) return [...bytes].join('.');
  const groups = Array.from({ length: 8 }, (_, index) => bytes.readUInt16BE(index * 2));
  let best = { start: -1, length: 0 };
  for (let start = 0; start < 8; start += 1) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length += 1;
    if (length > best.length) best = { start, length };
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.length < 2) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

/** IP addresses in canonical text, each checked with node:net's isIP, duplicates dropped. */
export function canonicalAddresses(addresses: readonly string[]): string[] {
  const result: string[] = [];
  for (const [index, raw] of addresses.entries()) {
    const address = raw.trim();
    // A zone ("fe80::1%eth0") names an interface of one computer: no certificate can carry it.
    if (isIP(address) === 0 || address.includes('%')) {
      throw new ServerCertificateInputError(
        `“${raw}” is not an IP address: write an IPv4 address such as 192.168.1.20 or an IPv6 address such as fd00::20.`,
        'addresses',
        `addresses.${index}`,
      );
    }
    const canonical = canonicalAddress(address);
    if (!result.includes(canonical)) result.push(canonical);
  }
  return result;
}

/** Both lists checked and canonical; at least one name or address, and not too many. */
export function canonicalServerNames(input: { hostNames: readonly string[]; addresses: readonly string[] }): {
  hostNames: string[];
  addresses: string[];
} {
  if (input.hostNames.length > maximumServerNames) {
    throw new ServerCertificateInputError(`List at most ${maximumServerNames} host names.`, 'hostNames');
  }
  if (input.addresses.length > maximumServerNames) {
    throw new ServerCertificateInputError(`List at most ${maximumServerNames} addresses.`, 'addresses');
  }
  const hostNames = canonicalHostNames(input.hostNames);
  const addresses = canonicalAddresses(input.addresses);
  if (hostNames.length === 0 && addresses.length === 0) {
    throw new ServerCertificateInputError(
      'Give at least one host name or IP address that the clinic’s devices use to reach this host.',
      'hostNames',
    );
  }
  return { hostNames, addresses };
}
