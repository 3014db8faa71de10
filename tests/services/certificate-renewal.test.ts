import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeExam } from '../../src/cli/demo-clinical';
import { verifyTableStates } from '../../src/db/table-states';
import { localDate } from '../../src/domain/time';
import type { SignIn } from '../../src/services/sign-in';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, setUpClinic, signedInUser, staffPassword } from '../support/test-app';

/** Signing certificates last five years; a clinic keeps its ledger for ten. */
const dayMs = 86_400_000;
let app: TestApp;
let patientId: number;
let physicianId: number;

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app);
  const physician = signedInUser(app, admin, 'physician');
  physicianId = app.ledger.raw.prepare(`SELECT id FROM users WHERE username = 'physician'`).pluck().get() as number;
  patientId = app.ok(physician, 'patients.create', {
    patient: {
      mrn: 'RENEW-1',
      familyName: 'Okafor',
      givenNames: 'Ada',
      preferredName: '',
      dateOfBirth: '1970-01-01',
      sex: 'female',
      phone: '',
      emergencyContact: null,
      allergies: { status: 'none-known' },
    },
  }).id;
}, 60_000);
afterAll(() => app.cleanup());

const signIn = (username: string, password: string): SignIn => {
  const session = app.newSignIn();
  app.ok(session, 'auth.signIn', { username, password });
  return session;
};
const renewals = () =>
  app.ledger.raw
    .prepare(`SELECT count(*) FROM audit_log WHERE action = 'identity.certificate-renewed' AND entity_id = ?`)
    .pluck()
    .get(String(physicianId)) as number;
const identities = () =>
  app.ledger.raw
    .prepare(`SELECT encrypted_private_key AS key FROM signing_identities WHERE user_id = ? ORDER BY id`)
    .all(physicianId) as { key: string }[];

function examDraft(physician: SignIn): number {
  const exam = app.ok(physician, 'records.create', { type: 'exam', patientId });
  const versionId = exam.versions[0]?.id ?? 0;
  const today = localDate(new Date(Date.now() + app.clockOffsetMs), 'America/New_York');
  app.ok(physician, 'records.saveDraft', { type: 'exam', versionId, content: completeExam(today) });
  return versionId;
}
const sign = (physician: SignIn, versionId: number) =>
  app.call(physician, 'records.sign', {
    versionId,
    meaning: 'authored',
    username: 'physician',
    password: staffPassword,
  });

describe('signing certificates across the years', () => {
  it('leaves a certificate far from expiry alone at an administrator’s sign-in', () => {
    signIn('admin', adminPassword);
    expect(renewals()).toBe(0);
    expect(identities()).toHaveLength(1);
  });

  it('refuses to sign with an expired certificate in words, signing nothing', () => {
    app.clockOffsetMs = (5 * 365 + 3) * dayMs;
    const physician = signIn('physician', staffPassword);
    const versionId = examDraft(physician);
    const refused = sign(physician, versionId);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('NOT_READY_TO_SIGN');
    expect(refused.error.message).toMatch(/signing certificate expired .*administrator next signs in/);
    const record = app.ok(physician, 'records.get', {
      recordId: app.ok(physician, 'records.list', { patientId }).records[0]?.id ?? 0,
    });
    expect(record.versions.every((version) => version.status === 'draft')).toBe(true);
  });

  it('renews it for the same key when an administrator signs in; then the physician signs', () => {
    signIn('admin', adminPassword);
    expect(renewals()).toBe(1);
    const [first, renewed] = identities();
    expect(renewed?.key).toBe(first?.key);
    // A second sign-in renews nothing more.
    signIn('admin', adminPassword);
    expect(renewals()).toBe(1);
    const physician = signIn('physician', staffPassword);
    const versionId = examDraft(physician);
    expect(sign(physician, versionId).ok).toBe(true);
    expect(verifyTableStates(app.ledger.raw).problems.map((problem) => problem.message)).toEqual([]);
  });
});
