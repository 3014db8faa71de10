import { count, desc } from 'drizzle-orm';
import type { Drizzle } from './open';
import { hostCertificates } from './schema/devices';

export type HostCertificateRow = typeof hostCertificates.$inferSelect;

/** The host names and addresses as the JSON arrays the table keeps. */
export interface NewHostCertificate extends Omit<HostCertificateRow, 'id' | 'hostNames' | 'addresses'> {
  hostNames: readonly string[];
  addresses: readonly string[];
}

export interface HostCertificate extends Omit<HostCertificateRow, 'hostNames' | 'addresses'> {
  hostNames: string[];
  addresses: string[];
}

function stringArray(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function fromRow(row: HostCertificateRow): HostCertificate {
  return { ...row, hostNames: stringArray(row.hostNames), addresses: stringArray(row.addresses) };
}

/** Appends a certificate (the table is append-only: triggers refuse UPDATE and DELETE). */
export function insertHostCertificate(db: Drizzle, certificate: NewHostCertificate): HostCertificate {
  const row = db
    .insert(hostCertificates)
    .values({
      ...certificate,
      hostNames: JSON.stringify(certificate.hostNames),
      addresses: JSON.stringify(certificate.addresses),
    })
    .returning()
    .get();
  return fromRow(row);
}

/** Newest first, one page of them, with how many there are in all. */
export function listHostCertificates(
  db: Drizzle,
  page: { limit: number; offset: number },
): { certificates: HostCertificate[]; total: number } {
  const certificates = db
    .select()
    .from(hostCertificates)
    .orderBy(desc(hostCertificates.id))
    .limit(page.limit)
    .offset(page.offset)
    .all()
    .map(fromRow);
  const total = db.select({ total: count() }).from(hostCertificates).get()?.total ?? 0;
  return { certificates, total };
}
