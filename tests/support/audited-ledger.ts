import { starterDischargeCriteria } from '../../src/domain/infusion-session';
import { lastEntryIdOf } from '../../src/domain/session-view';
import { generateServerKeyPair } from '../../src/signing/server-certificate';
import type { SignIn } from '../../src/services/sign-in';
import { patientInput } from './fixtures';
import { administrationEvent, signedPlanFor, testChecklist, testVitals } from './session-entries';
import type { TestApp } from './test-app';
import { adminPassword, createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from './test-app';
import { unexpiredLot } from './unexpired-lot';
import { supervisedBy } from './supervision';

/** The ids of the rows a tamper test edits, one of each kind. */
export interface AuditedLedger {
  app: TestApp;
  admin: SignIn;
  /** A session signed "performed" (with its signed PDF). */
  signedSessionId: number;
  sessionSignatureId: number;
  /** A session still being charted: its entries carry no signature. */
  openSessionId: number;
  openEntryId: number;
  /** A signed plan with its signature, signed PDF and discontinuation event. */
  planRecordId: number;
  planVersionId: number;
  /** An amendment draft of the exam (a draft version, not held by any signature). */
  draftVersionId: number;
  /** A register container with a draw for the open session, a waste, a count and its write-off. */
  containerId: number;
  drawEntryId: number;
}

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

function chartSignedSession(app: TestApp, nurse: SignIn, plan: ReturnType<typeof signedPlanFor>) {
  const { planRecordId, planVersionId, timingReason } = plan;
  const sessionId = app.ok(nurse, 'sessions.start', {
    supervision: supervisedBy(app),
    planRecordId,
    planVersionId,
    occurredAt: at(60),
    checklist: testChecklist,
    timingReason,
  }).id;
  app.ok(nurse, 'sessions.addEntry', {
    sessionId,
    occurredAt: at(58),
    entry: administrationEvent('start', { rateMlPerH: '151.09', lotNumber: 'K123', lotExpiry: unexpiredLot }),
  });
  app.ok(nurse, 'sessions.addEntry', {
    sessionId,
    occurredAt: at(15),
    entry: administrationEvent('end', { volumeInfusedMl: '100.7' }),
  });
  const discharged = app.ok(nurse, 'sessions.addEntry', {
    sessionId,
    occurredAt: at(5),
    entry: {
      kind: 'discharge',
      content: {
        criteria: starterDischargeCriteria.map((item) => ({ ...item, met: true })),
        vitals: testVitals,
        escortName: 'Luis Ruiz',
        instructionsGiven: true,
        notes: '',
      },
    },
  });
  const signed = app.ok(nurse, 'sessions.sign', {
    sessionId,
    lastEntryId: lastEntryIdOf(discharged),
    meaning: 'performed',
    username: 'nurse',
    password: staffPassword,
  });
  return { sessionId, signatureId: signed.signatures[0]?.id ?? 0 };
}

/** A row of every register table: settings, a receipt, its containers, use, a count and its write-off. */
function keepRegister(app: TestApp, people: { admin: SignIn; physician: SignIn; nurse: SignIn; sessionId: number }) {
  const { admin, physician, nurse, sessionId } = people;
  const settings = app.ok(admin, 'register.overview', {});
  app.ok(admin, 'register.settings.update', {
    settings: { ...settings.settings, registrantName: 'Dr. Test Physician', registrationNumber: 'FT1234563' },
    expectedVersion: settings.settingsVersion,
  });
  const [container] = app.ok(physician, 'register.receive', {
    drugId: 'ketamine',
    concentrationMgPerMl: '50',
    containerVolumeMl: '10',
    containerCount: 1,
    lotNumber: 'K123',
    lotExpiry: unexpiredLot,
    supplierName: 'Harbor Wholesale Pharmacy',
    supplierAddress: '9 Dock Street, Boston MA',
    supplierRegistration: 'RH1234567',
    invoiceNumber: 'INV-1',
    receivedOn: new Date().toISOString().slice(0, 10),
    checker: { username: 'nurse', password: staffPassword },
  }).containers;
  const containerId = container?.id ?? 0;
  const drawn = app.ok(nurse, 'register.draw', { containerId, sessionId, volumeMl: '0.72', occurredAt: at(1) });
  const witness = { username: 'physician', password: staffPassword };
  app.ok(nurse, 'register.waste', { containerId, sessionId, doseMg: '6', occurredAt: at(1), witness });
  const [count] = app.ok(nurse, 'register.inventory', {
    kind: 'ad-hoc',
    countedAt: at(1),
    notes: '',
    counts: [{ containerId, countedMl: '9.2' }],
    secondCounter: witness,
  }).counts;
  const countEntryId = count?.id ?? 0;
  app.ok(nurse, 'register.explain', { countEntryId, category: 'spillage', explanation: 'Drop spilt' });
  app.ok(physician, 'register.review', { countEntryId, note: 'Seen' });
  return { containerId, drawEntryId: drawn.entry.id };
}

/**
 * A ledger with a row of every audited table, each written through the services: users,
 * patients, the clinic, a formulary and a session configuration version, signing
 * certificates and root key wraps, signed and draft record versions, a discarded draft, a
 * discontinued plan, a signed session with its PDF and an open session, a clinic host's TLS
 * certificate, and the controlled-substance register.
 */
export function auditedLedger(): AuditedLedger {
  const app = createTestApp();
  const admin = setUpClinic(app, 'UTC');
  const physician = signedInUser(app, admin, 'physician');
  const nurse = signedInUser(app, admin, 'nurse');
  saveFormulary(app, admin);
  const patientId = app.ok(nurse, 'patients.create', { patient: patientInput() }).id;
  const plan = signedPlanFor(app, physician, patientId);
  const signedSession = chartSignedSession(app, nurse, plan);
  const open = app.ok(nurse, 'sessions.start', {
    supervision: supervisedBy(app),
    planRecordId: plan.planRecordId,
    planVersionId: plan.planVersionId,
    occurredAt: at(2),
    checklist: testChecklist,
    timingReason: plan.timingReason,
  });
  const exam = app.ok(physician, 'records.create', { type: 'exam', patientId });
  app.ok(physician, 'records.discardDraft', { versionId: exam.versions[0]?.id ?? 0 });
  const other = app.ok(nurse, 'patients.create', { patient: patientInput({ mrn: 'MRN-0002', familyName: 'Wang' }) });
  const discontinued = signedPlanFor(app, physician, other.id);
  app.ok(physician, 'records.discontinue', {
    recordId: discontinued.planRecordId,
    reason: 'Course ended',
    password: staffPassword,
  });
  const examRecordId = app.ledger.raw
    .prepare("SELECT id FROM records WHERE type = 'exam' AND patient_id = ? ORDER BY id LIMIT 1")
    .pluck()
    .get(patientId) as number;
  const amended = app.ok(physician, 'records.amend', { recordId: examRecordId, reason: 'Weight re-measured' });
  const configuration = app.ok(admin, 'clinic.sessionConfiguration.get', {});
  app.ok(admin, 'clinic.sessionConfiguration.update', {
    expectedVersion: configuration.version,
    content: { ...configuration.content, preSessionScales: { ...configuration.content.preSessionScales, pcl5: false } },
  });
  app.ok(admin, 'host.issueCertificate', {
    hostNames: ['clinic-host.local'],
    addresses: ['192.168.1.20'],
    publicKeyPem: generateServerKeyPair().publicKeyPem,
    adminPassword,
  });
  const register = keepRegister(app, { admin, physician, nurse, sessionId: open.id });
  return {
    app,
    admin,
    ...register,
    signedSessionId: signedSession.sessionId,
    sessionSignatureId: signedSession.signatureId,
    openSessionId: open.id,
    openEntryId: lastEntryIdOf(open),
    planRecordId: discontinued.planRecordId,
    planVersionId: discontinued.planVersionId,
    draftVersionId: amended.versions.at(-1)?.id ?? 0,
  };
}
