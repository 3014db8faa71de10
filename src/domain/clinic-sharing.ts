import { z } from 'zod';

/**
 * The desktop app's "Share this ledger on the clinic network": one computer holds the ledger and
 * serves it over HTTPS to the clinic's enrolled devices, on the one address an administrator chose.
 */

/** One address of this computer an administrator may choose (never a wildcard). */
export const networkAddressSchema = z.object({
  address: z.string(),
  family: z.enum(['IPv4', 'IPv6']),
  /** The network interface's name as the system calls it ("eth0", "Wi-Fi"). */
  interfaceName: z.string(),
  /** Loopback: only this computer itself can reach it. */
  internal: z.boolean(),
});
export type NetworkAddress = z.infer<typeof networkAddressSchema>;

export const sharingStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('off') }),
  z.object({ state: z.literal('starting'), address: z.string(), port: z.number().int() }),
  z.object({
    state: z.literal('serving'),
    address: z.string(),
    port: z.number().int(),
    /** What a device opens: `https://address:port`. */
    origin: z.string(),
    /** Further names in the host certificate (this computer's name), each also an origin. */
    hostNames: z.array(z.string()),
    /** SHA-256 of the clinic root, "AB:CD:…", for a device to be checked against. */
    rootFingerprintSha256: z.string(),
    since: z.string(),
  }),
  /** It was asked to share and could not (the address gone, the port taken): says why in words. */
  z.object({ state: z.literal('failed'), address: z.string(), port: z.number().int(), message: z.string() }),
]);
export type SharingStatus = z.infer<typeof sharingStatusSchema>;

export const defaultSharingPort = 8443;

/** "https://192.168.1.20:8443", with IPv6 addresses in brackets. */
export function sharingOrigin(address: string, port: number): string {
  return `https://${address.includes(':') ? `[${address}]` : address}:${port}`;
}
