import { describe, expect, it } from 'vitest';
import { openLedger } from '../../src/db/open';
import { getPatient, insertPatient } from '../../src/db/patients-repo';
import { readStoredRow, rowAuditFields } from '../../src/db/row-state';
import { patientInputSchema } from '../../src/domain/patient';
import { patientInput } from '../support/fixtures';
import { t0 } from '../support/repo-ledger';
import { tempLedger } from '../support/temp-ledger';

/**
 * The statements of the registration hot path (the patient INSERT and the covered-row read
 * behind every audited write) are prepared once per connection. These tests hold them to what
 * preparing them afresh gave: the row as stored now, after a schema change on the same
 * connection, and on a new connection to the same file after the old one closed.
 */
describe('statements cached per connection', () => {
  const fields = (mrn: string) => patientInputSchema.parse(patientInput({ mrn }));

  it('reads a column added after the statement was first used (SQLite recompiles it)', () => {
    const temp = tempLedger();
    try {
      const { ledger } = temp;
      const first = insertPatient(ledger.db, fields('MRN-0001'), t0);
      expect(rowAuditFields(ledger.raw, 'patients', first.id).rowState).not.toHaveProperty('ward');
      // What a later migration adding a column does, on the connection that cached the statements.
      ledger.raw.exec("ALTER TABLE patients ADD COLUMN ward text NOT NULL DEFAULT 'east'");
      const second = insertPatient(ledger.db, fields('MRN-0002'), t0);
      expect(second).toEqual(getPatient(ledger.db, second.id));
      expect(readStoredRow(ledger.raw, 'patients', first.id)).toMatchObject({ id: first.id, ward: 'east' });
      const audited = rowAuditFields(ledger.raw, 'patients', second.id);
      expect(audited.rowState).toMatchObject({ mrn: 'MRN-0002', ward: 'east' });
      // The digest covers the new column too, exactly as a freshly prepared read would give.
      const fresh = ledger.raw.prepare('SELECT * FROM patients WHERE id = ?').get(second.id);
      expect(audited.rowState).toEqual({ ...(fresh as object), search_text: undefined, family_key: undefined });
    } finally {
      temp.cleanup();
    }
  });

  it('works on a new connection after the first one closed, and on two connections at once', () => {
    const temp = tempLedger();
    try {
      const before = insertPatient(temp.ledger.db, fields('MRN-0001'), t0);
      const digestBefore = rowAuditFields(temp.ledger.raw, 'patients', before.id).rowSha256;
      temp.ledger.close();
      const reopened = openLedger(temp.path);
      const other = openLedger(temp.path);
      try {
        expect(rowAuditFields(reopened.raw, 'patients', before.id).rowSha256).toBe(digestBefore);
        const second = insertPatient(reopened.db, fields('MRN-0002'), t0);
        const third = insertPatient(other.db, fields('MRN-0003'), t0);
        expect(third.id).toBe(second.id + 1);
        expect(readStoredRow(other.raw, 'patients', second.id)).toMatchObject({ mrn: 'MRN-0002' });
        expect(getPatient(reopened.db, third.id)).toEqual(third);
      } finally {
        other.close();
        reopened.close();
      }
    } finally {
      // tempLedger's own connection is closed already; closing twice is harmless.
      temp.cleanup();
    }
  });

  it('still refuses a duplicate MRN through the cached insert, leaving the first row as it was', () => {
    const temp = tempLedger();
    try {
      const { ledger } = temp;
      const first = insertPatient(ledger.db, fields('MRN-0001'), t0);
      expect(() => insertPatient(ledger.db, fields('MRN-0001'), t0)).toThrow(
        expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }),
      );
      expect(ledger.raw.prepare('SELECT count(*) FROM patients').pluck().get()).toBe(1);
      expect(getPatient(ledger.db, first.id)).toEqual(first);
    } finally {
      temp.cleanup();
    }
  });
});
