import { hostname, networkInterfaces } from 'node:os';
import type { NetworkAddress } from '../domain/clinic-sharing';

/** This computer's name, when it is a usable DNS label (certificates refuse anything else). */
export function ownHostNames(name: string = hostname()): string[] {
  const lower = name.toLowerCase();
  return /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(lower) ? [lower] : [];
}

type Interfaces = ReturnType<typeof networkInterfaces>;

/**
 * The addresses this computer has now, the clinic network's first and loopback last; IPv6
 * link-local addresses are left out (they need a zone, which a certificate cannot name).
 */
export function ownAddresses(interfaces: Interfaces = networkInterfaces()): NetworkAddress[] {
  const found: NetworkAddress[] = [];
  for (const [interfaceName, entries] of Object.entries(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv6' && (entry.scopeid ?? 0) !== 0) continue;
      if (entry.family === 'IPv6' && entry.address.toLowerCase().startsWith('fe80:')) continue;
      found.push({ address: entry.address, family: entry.family, interfaceName, internal: entry.internal });
    }
  }
  return found.sort(
    (a, b) =>
      Number(a.internal) - Number(b.internal) || a.family.localeCompare(b.family) || a.address.localeCompare(b.address),
  );
}
