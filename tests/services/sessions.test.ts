import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  administrationEvent,
  signedPlanFor,
  testChecklist,
  testObservation,
  testVitals,
} from '../support/session-entries';
import { starterDischargeCriteria } from '../../src/domain/infusion-session';
import type { SignIn } from '../../src/services/sign-in';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';
import { verifyPdf } from '../../src/signing/verify-pdf';
import { nssDatabaseTrusting, pdfsig, scratchDirectory, writeScratch } from '../signing/signing-fixture';
import { unexpiredLot } from '../support/unexpired-lot';
import { lastEntryIdOf } from '../../src/domain/session-view';
import { patientInput } from '../support/fixtures';
import { supervisedBy } from '../support/supervision';

let app: TestApp;
let physician: SignIn;
let nurse: SignIn;
let auditor: SignIn;
let patientId: number;
let planRecordId: number;
let planVersionId: number;
/** The tests chart minutes ago against a plan signed as they begin: each start says so. */
let timingReason: string;
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const vitals = testVitals;
const checklist = testChecklist;
const observation = testObservation;
const event = administrationEvent;

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app, 'UTC');
  physician = signedInUser(app, admin, 'physician');
  nurse = signedInUser(app, admin, 'nurse');
  signedInUser(app, admin, 'nurse', 'nurse2');
  auditor = signedInUser(app, admin, 'auditor');
  saveFormulary(app, admin);
  patientId = app.ok(nurse, 'patients.create', {
    patient: patientInput({ mrn: 'S-1', familyName: 'Okafor', givenNames: 'Chiamaka', dateOfBirth: '1975-05-05' }),
  }).id;
  ({ planRecordId, planVersionId, timingReason } = signedPlanFor(app, physician, patientId));
});
afterAll(() => app.cleanup());

describe('infusion sessions', () => {
  it('charts a full infusion: sequencing, deviation reasons, witnessed waste, discharge, signatures', () => {
    const started = app.ok(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      planRecordId,
      planVersionId,
      occurredAt: at(60),
      checklist,
      timingReason,
    });
    expect(started.seriesNumber).toBe(1);
    expect(started.plannedRateMlPerH).toBe('151.09');
    const sessionId = started.id;

    const early = app.call(nurse, 'sessions.addEntry', { sessionId, occurredAt: at(59), entry: event('pause') });
    expect(early.ok === false && early.error.message).toBe('This cannot be charted now: the infusion has not started.');

    const offPlan = app.call(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(58),
      entry: event('start', { rateMlPerH: '140', lotNumber: 'K123', lotExpiry: unexpiredLot }),
    });
    expect(offPlan.ok === false && offPlan.error.issues?.[0]?.path).toBe('entry.content.reason');
    app.ok(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(58),
      entry: event('start', { rateMlPerH: '151.09', lotNumber: 'K123', lotExpiry: unexpiredLot }),
    });
    app.ok(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(45),
      entry: { kind: 'observation', content: observation },
    });
    app.ok(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(40),
      entry: event('rate-change', { rateMlPerH: '120', reason: 'Dissociation' }),
    });
    const noWitness = app.call(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(15),
      entry: event('end', { volumeInfusedMl: '100.7', wasteMg: '2' }),
    });
    expect(noWitness.ok === false && noWitness.error.issues?.[0]?.path).toBe('witness');
    const wrongWitness = app.call(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(15),
      entry: event('end', { volumeInfusedMl: '100.7', wasteMg: '2' }),
      witness: { username: 'nurse2', password: 'not the password' },
    });
    expect(wrongWitness.ok === false && wrongWitness.error.code).toBe('INVALID_CREDENTIALS');
    const ended = app.ok(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(15),
      entry: event('end', { volumeInfusedMl: '100.7', wasteMg: '2' }),
      witness: { username: 'nurse2', password: staffPassword },
    });
    expect(ended.status).toBe('Ended');
    expect(ended.entries.at(-1)?.witnessPrintedName).toBe('Test nurse, RN');

    const unsigned = app.call(nurse, 'sessions.sign', {
      sessionId,
      lastEntryId: lastEntryIdOf(ended),
      meaning: 'performed',
      username: 'nurse',
      password: staffPassword,
    });
    expect(unsigned.ok === false && unsigned.error.code).toBe('NOT_READY_TO_SIGN');
    const discharged = app.ok(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(5),
      entry: {
        kind: 'discharge',
        content: {
          criteria: starterDischargeCriteria.map((item) => ({ ...item, met: true })),
          vitals,
          escortName: 'Luis Ruiz',
          instructionsGiven: true,
          notes: '',
        },
      },
    });
    const lastEntryId = lastEntryIdOf(discharged);
    const byPhysicianFirst = app.call(physician, 'sessions.sign', {
      sessionId,
      lastEntryId,
      meaning: 'reviewed',
      password: staffPassword,
    });
    expect(byPhysicianFirst.ok === false && byPhysicianFirst.error.code).toBe('NOT_READY_TO_SIGN');
    // Signing what the nurse has not seen (charted since on another device) is refused.
    const unseen = app.call(nurse, 'sessions.sign', {
      sessionId,
      lastEntryId: lastEntryId - 1,
      meaning: 'performed',
      username: 'nurse',
      password: staffPassword,
    });
    expect(unseen.ok === false && unseen.error.code).toBe('CONFLICT');
    const signed = app.ok(nurse, 'sessions.sign', {
      sessionId,
      lastEntryId,
      meaning: 'performed',
      username: 'nurse',
      password: staffPassword,
    });
    expect(signed.status).toBe('Signed');
    const reviewed = app.ok(physician, 'sessions.sign', {
      sessionId,
      lastEntryId,
      meaning: 'reviewed',
      password: staffPassword,
    });

    // Each signature stores its own signed session record, which verifies with the clinic root.
    const root = app.ok(auditor, 'identity.rootCertificate', {}).pem;
    const pdfs = reviewed.signatures.map((signature) =>
      app.ok(auditor, 'documents.forSessionSignature', { sessionSignatureId: signature.id }),
    );
    expect(pdfs.map((pdf) => pdf.fileName)).toEqual(
      reviewed.signatures.map((signature) => `session-${sessionId}-signature-${signature.id}.pdf`),
    );
    for (const pdf of pdfs) {
      const bytes = Buffer.from(pdf.pdfBase64, 'base64');
      const result = verifyPdf(bytes, { trustedRootPems: [root] });
      expect(result.checks.filter((check) => !check.ok)).toEqual([]);
      expect(result.valid).toBe(true);
    }
    const directory = scratchDirectory();
    const report = pdfsig(
      writeScratch(directory, 'session.pdf', Buffer.from(pdfs[1]?.pdfBase64 ?? '', 'base64')),
      nssDatabaseTrusting(directory, root),
    );
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Certificate is Trusted.');
    expect(report).toContain('Signer Certificate Common Name: Test physician');

    // A correction after signing keeps the original and marks the record amended.
    const observationEntry = signed.entries.find((entry) => entry.kind === 'observation');
    const corrected = app.ok(nurse, 'sessions.correct', {
      sessionId,
      entryId: observationEntry?.id ?? 0,
      reason: 'Pain score charted for the wrong time',
      occurredAt: at(44),
      entry: { kind: 'observation', content: { ...observation, painNrs: 3 } },
    });
    expect(corrected.status).toBe('Amended after signing');
    expect(corrected.entries.find((entry) => entry.id === observationEntry?.id)?.correctedByEntryId).not.toBeNull();
    expect(() =>
      app.ledger.raw.prepare('UPDATE session_entries SET content = ? WHERE id = ?').run('{}', observationEntry?.id),
    ).toThrow(/cannot be changed/);
  });

  it('refuses a start from a plan version that is no longer the one the nurse read', () => {
    // The physician amends and re-signs the plan while the nurse has the old version open.
    const amended = app.ok(physician, 'records.amend', { recordId: planRecordId, reason: 'Rate reviewed' });
    const draft = amended.versions.at(-1);
    if (draft?.recordType !== 'plan') throw new Error('no amendment draft');
    app.ok(physician, 'records.saveDraft', {
      type: 'plan',
      versionId: draft.id,
      content: { ...draft.content, notes: 'Reviewed after infusion 1' },
    });
    app.ok(physician, 'records.sign', { versionId: draft.id, meaning: 'authored', password: staffPassword });
    const stale = app.call(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      planRecordId,
      planVersionId,
      occurredAt: at(3),
      checklist,
    });
    expect(stale.ok === false && stale.error.code).toBe('CONFLICT');
    expect(stale.ok === false && stale.error.message).toMatch(/amended since you opened it: version 2 is now/);
    planVersionId = draft.id;
  });

  it('refuses a second open session, an auditor, and a discontinued plan', () => {
    const second = app.ok(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      planRecordId,
      planVersionId,
      occurredAt: at(2),
      checklist,
      timingReason,
    });
    expect(second.seriesNumber).toBe(2);
    const third = app.call(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      planRecordId,
      planVersionId,
      occurredAt: at(1),
      checklist,
    });
    expect(third.ok === false && third.error.code).toBe('CONFLICT');
    const byAuditor = app.call(auditor, 'sessions.addEntry', {
      sessionId: second.id,
      occurredAt: at(1),
      entry: { kind: 'observation', content: observation },
    });
    expect(byAuditor.ok === false && byAuditor.error.code).toBe('FORBIDDEN');
    expect(app.ok(auditor, 'sessions.list', { patientId }).sessions).toHaveLength(2);
  });

  it('refuses to start an infusion from an expired lot, and answers status without auditing it', () => {
    const session = app
      .ok(nurse, 'sessions.list', { patientId })
      .sessions.find((view) => view.status === 'Not started');
    const opened =
      session ??
      app.ok(nurse, 'sessions.start', {
        supervision: supervisedBy(app),
        planRecordId,
        planVersionId,
        occurredAt: at(3),
        checklist,
        timingReason,
      });
    const lastMonth = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 7);
    const expired = app.call(nurse, 'sessions.addEntry', {
      sessionId: opened.id,
      occurredAt: at(2),
      entry: event('start', { rateMlPerH: '151.09', lotNumber: 'K9', lotExpiry: lastMonth }),
    });
    expect(expired.ok === false && expired.error.issues?.[0]?.path).toBe('entry.content.lotExpiry');
    expect(expired.ok === false && expired.error.message).toMatch(/This lot expired/);

    const auditBefore = app.ledger.raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
    const shown = { sessionId: opened.id, lastEntryId: lastEntryIdOf(opened), signatureCount: 0 };
    expect(app.ok(nurse, 'sessions.status', shown)).toEqual({ ...shown, sessionId: undefined, session: null });
    // A screen that is behind gets the session as it is now.
    const behind = app.ok(nurse, 'sessions.status', { ...shown, lastEntryId: 0 });
    expect(behind.lastEntryId).toBe(shown.lastEntryId);
    expect(behind.session?.entries.map((entry) => entry.id)).toEqual(opened.entries.map((entry) => entry.id));
    const auditAfter = app.ledger.raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
    expect(auditAfter.n).toBe(auditBefore.n);
  });
});
