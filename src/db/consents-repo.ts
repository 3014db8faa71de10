import { and, desc, eq, inArray, max } from 'drizzle-orm';
import type { Drizzle } from './open';
import {
  consentDocumentVersions,
  consentPdfs,
  consentSettingsVersions,
  consentWithdrawals,
  consents,
} from './schema/consents';

export type ConsentDocumentVersionRow = typeof consentDocumentVersions.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;
export type ConsentWithdrawalRow = typeof consentWithdrawals.$inferSelect;
export type ConsentPdfRow = typeof consentPdfs.$inferSelect;

export function insertConsentDocumentVersion(
  db: Drizzle,
  row: Omit<ConsentDocumentVersionRow, 'id'>,
): ConsentDocumentVersionRow {
  return db.insert(consentDocumentVersions).values(row).returning().get();
}

export function getConsentDocumentVersion(db: Drizzle, id: number): ConsentDocumentVersionRow | undefined {
  return db.select().from(consentDocumentVersions).where(eq(consentDocumentVersions.id, id)).get();
}

/** Every version of every document, newest version of each document first. */
export function listConsentDocumentVersions(db: Drizzle, documentId?: number): ConsentDocumentVersionRow[] {
  const query = db.select().from(consentDocumentVersions);
  return (documentId === undefined ? query : query.where(eq(consentDocumentVersions.documentId, documentId)))
    .orderBy(consentDocumentVersions.documentId, desc(consentDocumentVersions.version))
    .all();
}

/** The highest document number so far (0 before any). */
export function lastConsentDocumentId(db: Drizzle): number {
  return (
    db
      .select({ last: max(consentDocumentVersions.documentId) })
      .from(consentDocumentVersions)
      .get()?.last ?? 0
  );
}

export function insertConsent(db: Drizzle, row: Omit<ConsentRow, 'id'>): ConsentRow {
  return db.insert(consents).values(row).returning().get();
}

export function getConsent(db: Drizzle, id: number): ConsentRow | undefined {
  return db.select().from(consents).where(eq(consents.id, id)).get();
}

/** A patient's consents, newest first (optionally of one document's versions). */
export function listPatientConsents(db: Drizzle, patientId: number, versionIds?: number[]): ConsentRow[] {
  const byPatient = eq(consents.patientId, patientId);
  return db
    .select()
    .from(consents)
    .where(versionIds === undefined ? byPatient : and(byPatient, inArray(consents.documentVersionId, versionIds)))
    .orderBy(desc(consents.patientSignedAt), desc(consents.id))
    .all();
}

export function insertConsentWithdrawal(db: Drizzle, row: Omit<ConsentWithdrawalRow, 'id'>): ConsentWithdrawalRow {
  return db.insert(consentWithdrawals).values(row).returning().get();
}

export function listConsentWithdrawals(db: Drizzle, consentIds: number[]): ConsentWithdrawalRow[] {
  if (consentIds.length === 0) return [];
  return db.select().from(consentWithdrawals).where(inArray(consentWithdrawals.consentId, consentIds)).all();
}

export function latestConsentSettings(db: Drizzle): { version: number; content: string } | undefined {
  return db
    .select({ version: consentSettingsVersions.version, content: consentSettingsVersions.content })
    .from(consentSettingsVersions)
    .orderBy(desc(consentSettingsVersions.version))
    .limit(1)
    .get();
}

export function insertConsentSettings(
  db: Drizzle,
  row: typeof consentSettingsVersions.$inferInsert,
): typeof consentSettingsVersions.$inferSelect {
  return db.insert(consentSettingsVersions).values(row).returning().get();
}

export function insertConsentPdf(db: Drizzle, row: Omit<ConsentPdfRow, 'id'>): ConsentPdfRow {
  return db.insert(consentPdfs).values(row).returning().get();
}

export function consentPdfFor(db: Drizzle, consentId: number): ConsentPdfRow | undefined {
  return db.select().from(consentPdfs).where(eq(consentPdfs.consentId, consentId)).get();
}
