import { describe, expect, it } from 'vitest';
import type { IdentityRow, SignedDocumentRow } from '../../src/db/identities-repo';
import {
  currentIdentity,
  documentForSessionSignature,
  documentForVersion,
  documentsForVersions,
  getSignedDocument,
  insertIdentity,
  insertSignedDocument,
  putRootWrap,
  rootIdentity,
  rootWrapOf,
  setEncryptedKey,
} from '../../src/db/identities-repo';
import type { Ledger } from '../../src/db/open';
import {
  expectFrozen,
  ledgerPerTest,
  minutesAfter,
  seedPatient,
  seedSignedRecord,
  seedUser,
  t0,
} from '../support/repo-ledger';

function identity(overrides: Partial<Omit<IdentityRow, 'id'>> = {}): Omit<IdentityRow, 'id'> {
  return {
    kind: 'signer',
    userId: null,
    certificatePem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
    encryptedPrivateKey: 'encrypted-key-1',
    source: 'issued',
    createdAt: t0,
    ...overrides,
  };
}

/** A signed PDF of a record version: the version must exist for the foreign key. */
function seedDocument(ledger: Ledger, pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff])): SignedDocumentRow {
  const user = seedUser(ledger);
  const patient = seedPatient(ledger);
  const { version } = seedSignedRecord(ledger, { patientId: patient.id, userId: user.id });
  return insertSignedDocument(ledger.db, {
    versionId: version.id,
    sessionSignatureId: null,
    fileName: `plan-${version.id}.pdf`,
    pdf,
    sha256: 'd'.repeat(64),
    createdAt: minutesAfter(2),
  });
}

describe('identities repository', () => {
  const ledger = ledgerPerTest();

  it('has no clinic root and no signer identity on a fresh ledger', () => {
    const { db } = ledger();
    expect(rootIdentity(db)).toBeUndefined();
    expect(currentIdentity(db, 1)).toBeUndefined();
    expect(rootWrapOf(db, 1)).toBeUndefined();
  });

  it('reads the newest clinic root, never a signer certificate, as the root', () => {
    const { db } = ledger();
    const user = seedUser(ledger());
    insertIdentity(db, identity({ kind: 'clinic-root', encryptedPrivateKey: null }));
    const newer = insertIdentity(db, identity({ kind: 'clinic-root', encryptedPrivateKey: null, certificatePem: 'B' }));
    insertIdentity(db, identity({ userId: user.id }));
    expect(rootIdentity(db)).toEqual(newer);
  });

  it("reads a user's newest signer identity as the one in force, and nobody else's", () => {
    const { db } = ledger();
    const ana = seedUser(ledger(), { username: 'ana' });
    const ben = seedUser(ledger(), { username: 'ben' });
    const old = insertIdentity(db, identity({ userId: ana.id }));
    expect(old).toEqual({ ...identity({ userId: ana.id }), id: old.id });
    const reissued = insertIdentity(db, identity({ userId: ana.id, certificatePem: 'reissued', source: 'imported' }));
    expect(currentIdentity(db, ana.id)).toEqual(reissued);
    expect(currentIdentity(db, ben.id)).toBeUndefined();
  });

  it('refuses an identity of a user who does not exist', () => {
    expect(() => insertIdentity(ledger().db, identity({ userId: 42 }))).toThrow(/FOREIGN KEY/);
  });

  it('re-wraps the private key, the one column the triggers let change', () => {
    const { db } = ledger();
    const user = seedUser(ledger());
    const row = insertIdentity(db, identity({ userId: user.id }));
    setEncryptedKey(db, row.id, 'encrypted-key-2');
    expect(currentIdentity(db, user.id)).toEqual({ ...row, encryptedPrivateKey: 'encrypted-key-2' });
  });

  it('refuses changing a certificate or deleting an identity (the database triggers)', () => {
    const { db, raw } = ledger();
    const user = seedUser(ledger());
    const row = insertIdentity(db, identity({ userId: user.id }));
    for (const set of ["certificate_pem = 'forged'", "kind = 'clinic-root'", 'user_id = NULL', "source = 'imported'"]) {
      expect(() => raw.prepare(`UPDATE signing_identities SET ${set} WHERE id = ?`).run(row.id), set).toThrow(
        /certificates cannot be changed: issue a new one/,
      );
    }
    expectFrozen(raw, 'signing_identities', {
      set: "created_at = 'then'",
      where: `id = ${row.id}`,
      updateMessage: /certificates cannot be changed: issue a new one/,
      deleteMessage: /certificates cannot be deleted: older signatures rely on them/,
    });
  });

  it("stores one root key wrap per administrator and replaces it when the admin's password changes", () => {
    const { db, raw } = ledger();
    const admin = seedUser(ledger(), { username: 'admin', role: 'admin' });
    const other = seedUser(ledger(), { username: 'admin2', role: 'admin' });
    putRootWrap(db, admin.id, 'wrap-1', t0);
    putRootWrap(db, other.id, 'wrap-other', t0);
    putRootWrap(db, admin.id, 'wrap-2', minutesAfter(1));
    expect(rootWrapOf(db, admin.id)).toBe('wrap-2');
    expect(rootWrapOf(db, other.id)).toBe('wrap-other');
    expect(raw.prepare('SELECT admin_user_id, updated_at FROM root_key_wraps ORDER BY admin_user_id').all()).toEqual([
      { admin_user_id: admin.id, updated_at: minutesAfter(1) },
      { admin_user_id: other.id, updated_at: t0 },
    ]);
    expect(() => putRootWrap(db, 999, 'wrap', t0)).toThrow(/FOREIGN KEY/);
  });

  it('stores a signed PDF byte for byte and finds it by id and by version', () => {
    const { db } = ledger();
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0a]);
    const document = seedDocument(ledger(), pdf);
    const versionId = document.versionId ?? 0;
    const stored = getSignedDocument(db, document.id);
    expect(stored?.pdf.equals(pdf)).toBe(true);
    expect(stored).toEqual(document);
    expect(documentForVersion(db, versionId)).toEqual(document);
    expect(documentsForVersions(db, [versionId, versionId + 100])).toEqual([document]);
  });

  it('answers undefined or nothing for documents that do not exist', () => {
    const { db } = ledger();
    const document = seedDocument(ledger());
    expect(getSignedDocument(db, document.id + 1)).toBeUndefined();
    expect(documentForVersion(db, (document.versionId ?? 0) + 1)).toBeUndefined();
    expect(documentForSessionSignature(db, 1)).toBeUndefined();
    expect(documentsForVersions(db, [])).toEqual([]);
  });

  it('refuses a document of a session signature that does not exist', () => {
    const { db } = ledger();
    const { id, ...document } = seedDocument(ledger());
    expect(() => insertSignedDocument(db, { ...document, versionId: null, sessionSignatureId: 7 })).toThrow(
      /FOREIGN KEY constraint failed/,
    );
    expect(documentsForVersions(db, [document.versionId ?? 0]).map((row) => row.id)).toEqual([id]);
  });

  it('refuses changing or deleting a signed document (the database triggers)', () => {
    const document = seedDocument(ledger());
    expectFrozen(ledger().raw, 'signed_documents', {
      set: "pdf = X'00'",
      where: `id = ${document.id}`,
      updateMessage: /signed documents cannot be changed/,
      deleteMessage: /signed documents cannot be deleted/,
    });
  });
});
