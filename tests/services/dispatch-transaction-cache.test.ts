import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../src/db/open';
import { openLedger } from '../../src/db/open';
import type { SignIn } from '../../src/services/sign-in';
import { dispatch } from '../../src/services/dispatch';
import { verifyAuditChain } from '../../src/services/ledger';
import { patientInput } from '../support/fixtures';
import { expectUnchanged, ledgerState } from '../support/ledger-state';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic, signedInUser } from '../support/test-app';

/**
 * dispatch keeps one transaction function per connection (and the patient insert and the
 * covered-row read keep their prepared statements). Each connection must still commit its own
 * call, roll back its own failure, and a ledger closed and opened again must work as the first.
 */
describe('dispatch with its transaction kept per connection', () => {
  let app: TestApp;
  let nurse: SignIn;
  beforeAll(() => {
    app = createTestApp();
    nurse = signedInUser(app, setUpClinic(app), 'nurse');
  });
  afterAll(() => app.cleanup());

  const create = (ledger: Ledger, mrn: string) =>
    dispatch({ ledger, signIn: nurse }, 'patients.create', { patient: patientInput({ mrn }) });
  const patientCount = (ledger: Ledger) => ledger.raw.prepare('SELECT count(*) FROM patients').pluck().get();

  it('rolls back a refused call and commits the next one on the same connection', () => {
    expect(create(app.ledger, 'MRN-0001')).toMatchObject({ ok: true });
    const before = ledgerState(app.ledger.raw);
    expect(create(app.ledger, 'MRN-0001')).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
    expectUnchanged(app.ledger.raw, before);
    expect(create(app.ledger, 'MRN-0002')).toMatchObject({ ok: true });
    expect(patientCount(app.ledger)).toBe(2);
  });

  it('serves two connections to the file at once and a connection opened after one closed', () => {
    const first = openLedger(app.path);
    const second = openLedger(app.path);
    try {
      expect(create(first, 'MRN-0003')).toMatchObject({ ok: true });
      // A failure on one connection leaves the other's transaction function untouched.
      expect(create(second, 'MRN-0003')).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
      expect(second.raw.inTransaction).toBe(false);
      expect(create(second, 'MRN-0004')).toMatchObject({ ok: true });
      expect(create(first, 'MRN-0005')).toMatchObject({ ok: true });
    } finally {
      first.close();
    }
    try {
      const reopened = openLedger(app.path);
      try {
        expect(create(reopened, 'MRN-0006')).toMatchObject({ ok: true });
        expect(create(second, 'MRN-0007')).toMatchObject({ ok: true });
        expect(patientCount(reopened)).toBe(7);
        expect(verifyAuditChain(reopened.raw)).toMatchObject({ ok: true });
      } finally {
        reopened.close();
      }
    } finally {
      second.close();
    }
    expect(verifyAuditChain(app.ledger.raw)).toMatchObject({ ok: true });
    const created = app.ledger.raw
      .prepare("SELECT count(*) FROM audit_log WHERE action = 'patient.created'")
      .pluck()
      .get();
    expect(created).toBe(7);
  });
});
