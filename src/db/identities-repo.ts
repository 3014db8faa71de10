import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Drizzle } from './open';
import { rootKeyWraps, signedDocuments, signingIdentities } from './schema/signing';

export type IdentityRow = typeof signingIdentities.$inferSelect;
export type SignedDocumentRow = typeof signedDocuments.$inferSelect;

export function insertIdentity(db: Drizzle, identity: Omit<IdentityRow, 'id'>): IdentityRow {
  return db.insert(signingIdentities).values(identity).returning().get();
}

export function rootIdentity(db: Drizzle): IdentityRow | undefined {
  return db
    .select()
    .from(signingIdentities)
    .where(and(eq(signingIdentities.kind, 'clinic-root'), isNull(signingIdentities.userId)))
    .orderBy(desc(signingIdentities.id))
    .limit(1)
    .get();
}

/** The user's signing identity in force: the newest one. */
export function currentIdentity(db: Drizzle, userId: number): IdentityRow | undefined {
  return db
    .select()
    .from(signingIdentities)
    .where(and(eq(signingIdentities.kind, 'signer'), eq(signingIdentities.userId, userId)))
    .orderBy(desc(signingIdentities.id))
    .limit(1)
    .get();
}

/** Every user who holds (or held) a signing identity. */
export function signerUserIds(db: Drizzle): number[] {
  return db
    .selectDistinct({ userId: signingIdentities.userId })
    .from(signingIdentities)
    .where(eq(signingIdentities.kind, 'signer'))
    .all()
    .flatMap(({ userId }) => (userId === null ? [] : [userId]));
}

export function setEncryptedKey(db: Drizzle, id: number, encryptedPrivateKey: string): void {
  db.update(signingIdentities).set({ encryptedPrivateKey }).where(eq(signingIdentities.id, id)).run();
}

export function rootWrapOf(db: Drizzle, adminUserId: number): string | undefined {
  return db.select().from(rootKeyWraps).where(eq(rootKeyWraps.adminUserId, adminUserId)).get()?.encryptedPrivateKey;
}

export function putRootWrap(db: Drizzle, adminUserId: number, encryptedPrivateKey: string, now: string): void {
  db.insert(rootKeyWraps)
    .values({ adminUserId, encryptedPrivateKey, updatedAt: now })
    .onConflictDoUpdate({ target: rootKeyWraps.adminUserId, set: { encryptedPrivateKey, updatedAt: now } })
    .run();
}

export function insertSignedDocument(db: Drizzle, document: Omit<SignedDocumentRow, 'id'>): SignedDocumentRow {
  return db.insert(signedDocuments).values(document).returning().get();
}

export function documentForVersion(db: Drizzle, versionId: number): SignedDocumentRow | undefined {
  return db.select().from(signedDocuments).where(eq(signedDocuments.versionId, versionId)).get();
}

export function documentForSessionSignature(db: Drizzle, sessionSignatureId: number): SignedDocumentRow | undefined {
  return db.select().from(signedDocuments).where(eq(signedDocuments.sessionSignatureId, sessionSignatureId)).get();
}

export function getSignedDocument(db: Drizzle, id: number): SignedDocumentRow | undefined {
  return db.select().from(signedDocuments).where(eq(signedDocuments.id, id)).get();
}

export function documentsForVersions(db: Drizzle, versionIds: number[]): SignedDocumentRow[] {
  if (versionIds.length === 0) return [];
  return db.select().from(signedDocuments).where(inArray(signedDocuments.versionId, versionIds)).all();
}
