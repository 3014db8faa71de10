import { z } from 'zod';
import { networkAddressSchema, sharingStatusSchema } from '../domain/clinic-sharing';
import { passwordSchema } from '../domain/user';
import { define, idSchema } from './define-method';

/** A TLS server certificate the clinic root issued for a clinic host, as the ledger keeps it. */
export const hostCertificateSchema = z.object({
  id: idSchema,
  /** DNS names and IP addresses in its subjectAltName, as the clinic root signed them. */
  hostNames: z.array(z.string()),
  addresses: z.array(z.string()),
  certificatePem: z.string(),
  /** SHA-256 of the certificate's DER, "AB:CD:…" as browsers show it. */
  fingerprintSha256: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  issuedAt: z.string(),
  issuedBy: idSchema,
  /** The issuing administrator's display name; null if the account is gone. */
  issuedByName: z.string().nullable(),
});
export type HostCertificateView = z.infer<typeof hostCertificateSchema>;

const maximumNames = 50;

/**
 * The clinic host's TLS certificate, issued by the clinic's own root (the one that issues
 * physicians' signing certificates), so enrolled devices that trust that root trust the host.
 */
export const hostMethods = {
  /**
   * Issues a certificate for the host's public key. The private key never crosses the
   * contract: it stays in a file beside the ledger on the host. The administrator's password
   * unlocks the clinic root key (a wrong one counts towards the lockout).
   */
  'host.issueCertificate': define({
    input: z
      .object({
        hostNames: z.array(z.string().max(253, 'Use at most 253 characters')).max(maximumNames),
        addresses: z.array(z.string().max(64, 'Use at most 64 characters')).max(maximumNames),
        publicKeyPem: z.string().min(1, 'Give the host’s public key').max(16_384),
        adminPassword: passwordSchema,
      })
      .strict(),
    output: z.object({
      certificate: hostCertificateSchema,
      rootCertificatePem: z.string(),
      rootFingerprintSha256: z.string(),
    }),
    access: ['admin'],
  }),
  /** Every certificate issued for a clinic host, newest first, one page at a time. */
  'host.certificates': define({
    input: z
      .object({
        limit: z.number().int().min(1).max(100).default(20),
        offset: z.number().int().min(0).max(1_000_000).default(0),
      })
      .strict(),
    output: z.object({
      certificates: z.array(hostCertificateSchema),
      total: z.number().int().nonnegative(),
      /** What a person compares with the root their device was given. */
      rootFingerprintSha256: z.string(),
    }),
    access: ['admin', 'auditor'],
  }),
  /**
   * Whether this computer shares its ledger on the clinic network, and the addresses it could
   * share it on. `available` is false where sharing is not this process's to control (a device
   * using the clinic host, or the headless host itself).
   */
  'host.sharing': define({
    input: z.object({}).strict(),
    output: z.object({
      available: z.boolean(),
      status: sharingStatusSchema,
      addresses: z.array(networkAddressSchema),
      /** The kept host certificate serves each of these addresses without issuing a new one. */
      certifiedAddresses: z.array(z.string()),
    }),
    access: ['admin'],
  }),
  /**
   * Shares the ledger on one address of this computer, over HTTPS with a certificate from the
   * clinic root (issued now when the kept one does not serve that address). The password is
   * asked again: this opens the ledger to the clinic's network.
   */
  'host.startSharing': define({
    input: z
      .object({
        address: z.string().min(1, 'Choose an address of this computer').max(64),
        port: z
          .number({ error: 'Enter the port, 1024–65535' })
          .int('Enter the port, 1024–65535')
          .min(1024, 'Use a port from 1024 to 65535')
          .max(65_535, 'Use a port from 1024 to 65535'),
        adminPassword: passwordSchema,
      })
      .strict(),
    output: sharingStatusSchema,
    access: ['admin'],
  }),
  /** Stops sharing: enrolled devices can no longer reach the ledger until it is shared again. */
  'host.stopSharing': define({
    input: z.object({}).strict(),
    output: sharingStatusSchema,
    access: ['admin'],
  }),
} as const;
