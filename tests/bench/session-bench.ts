/**
 * Infusion-session benchmark (`npm run bench`): a 3-hour infusion charted through dispatch with
 * a check every 5 minutes (36 checks, rate changes, a pause, the end and the discharge), then
 * the reads a chairside screen makes, the nurse's signature (scrypt, PDF render and signature)
 * and the session-record PDF rendered alone. Prints JSON with medians; compare ratios, not
 * absolute times. Run it alone: `npx tsx tests/bench/session-bench.ts`.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeExam, demoFormulary, planWith } from '../../src/cli/demo-clinical';
import { demoPatients } from '../../src/cli/demo-data';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract/methods';
import type { Observation } from '../../src/domain/infusion-session';
import { starterDischargeCriteria } from '../../src/domain/infusion-session';
import { emptyScales } from '../../src/domain/scales';
import { lastEntryIdOf } from '../../src/domain/session-view';
import { renderSessionRecordSync } from '../../src/pdf/session-record';
import { getSession, listEntries, sessionDocumentText } from '../../src/db/sessions-repo';
import { dispatch } from '../../src/services/dispatch';
import { openLedger } from '../../src/services/ledger';
import type { SignIn } from '../../src/services/sign-in';
import { createSignIn } from '../../src/services/sign-in';
import { administrationEvent } from '../support/session-entries';
import { unexpiredLot } from '../support/unexpired-lot';

const password = 'Bench-password-2027';
const adminPassword = 'Bench-password-2026';
const minute = 60_000;
const sessionMinutes = 180;
const checkEveryMin = 5;

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number((sorted[Math.floor(sorted.length / 2)] ?? Number.NaN).toFixed(3));
}

function timed<T>(run: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const value = run();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

const vitals = (minuteOfSession: number) => ({
  systolicMmHg: 120 + (minuteOfSession % 17),
  diastolicMmHg: 78 + (minuteOfSession % 9),
  heartRateBpm: 72 + (minuteOfSession % 13),
  spo2Percent: 97,
  respiratoryRatePerMin: 14,
  temperatureC: null,
});

const check = (minuteOfSession: number): Observation => ({
  vitals: vitals(minuteOfSession),
  sedation: 5,
  cadss6: [0, 1, 0, 0, 0, minuteOfSession % 2],
  painNrs: 4,
  nausea: 'none',
  notes: '',
});

const event = administrationEvent;

const dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-session-bench-'));
try {
  const ledger = openLedger(join(dir, 'ledger.sqlite'));
  const call = <M extends MethodName>(session: SignIn, method: M, input: MethodInput<M>): MethodOutput<M> => {
    const result = dispatch({ ledger, signIn: session }, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  const admin = createSignIn();
  call(admin, 'setup.initialize', {
    clinic: { name: 'Bench Clinic', address: '', timeZone: 'America/New_York' },
    admin: { username: 'admin', displayName: 'Bench Admin', credentials: '', password: adminPassword },
  });
  call(admin, 'formulary.update', { content: demoFormulary, password: adminPassword, reason: 'Bench clinic set-up' });
  const staff = (username: string, role: 'physician' | 'nurse', credentials: string): SignIn => {
    call(admin, 'users.create', {
      username,
      displayName: `Bench ${role}`,
      credentials,
      role,
      temporaryPassword: 'Bench-temporary-2026',
      adminPassword,
    });
    const session = createSignIn();
    call(session, 'auth.signIn', { username, password: 'Bench-temporary-2026' });
    call(session, 'auth.changePassword', { currentPassword: 'Bench-temporary-2026', newPassword: password });
    return session;
  };
  const physician = staff('doctor', 'physician', 'MD');
  const nurse = staff('nurse', 'nurse', 'RN');
  const [patient] = demoPatients(1);
  if (patient === undefined) throw new Error('no patient');
  const patientId = call(nurse, 'patients.create', { patient }).id;
  const today = new Date().toISOString().slice(0, 10);
  const exam = call(physician, 'records.create', { type: 'exam', patientId });
  const examVersionId = exam.versions[0]?.id ?? 0;
  call(physician, 'records.saveDraft', { type: 'exam', versionId: examVersionId, content: completeExam(today) });
  call(physician, 'records.sign', { versionId: examVersionId, meaning: 'authored', username: 'doctor', password });
  const plan = call(physician, 'records.create', { type: 'plan', patientId, examRecordId: exam.id });
  const draft = plan.versions[0];
  if (draft?.recordType !== 'plan') throw new Error('no plan draft');
  call(physician, 'records.saveDraft', {
    type: 'plan',
    versionId: draft.id,
    content: { ...planWith(draft.content.weight), durationMin: sessionMinutes, monitoringIntervalMin: checkEveryMin },
  });
  call(physician, 'records.sign', { versionId: draft.id, meaning: 'authored', password });

  // The session happened over the last three and a half hours.
  const startMs = Date.now() - (sessionMinutes + 30) * minute;
  const at = (minuteOfSession: number) => new Date(startMs + minuteOfSession * minute).toISOString();
  const started = call(nurse, 'sessions.start', {
    planRecordId: plan.id,
    planVersionId: draft.id,
    occurredAt: at(0),
    // The bench charts hours back against a plan it signs now: the start says so.
    timingReason: 'Bench: charted back in time, before the plan signed as the bench began',
    supervision: { physicianUserId: physician.userId ?? 0, availability: 'on-site' },
    checklist: {
      identityConfirmed: true,
      escortPresent: true,
      escortName: 'Bench Escort',
      fasting: 'fasted',
      fastingNote: '',
      changesSinceLastVisit: 'None',
      ivSite: 'Left antecubital',
      ivGauge: 22,
      vitals: { ...vitals(0), temperatureC: '36.7' },
      scales: { ...emptyScales, painNrs: 6 },
    },
  });
  const sessionId = started.id;
  const planned = started.plannedRateMlPerH ?? '0';
  const add = (minuteOfSession: number, entry: MethodInput<'sessions.addEntry'>['entry']) =>
    timed(() => call(nurse, 'sessions.addEntry', { sessionId, occurredAt: at(minuteOfSession), entry }))[1];

  add(1, event('start', { rateMlPerH: planned, lotNumber: 'B-1', lotExpiry: unexpiredLot }));
  const checkSamples: number[] = [];
  for (let minuteOfSession = checkEveryMin; minuteOfSession <= sessionMinutes; minuteOfSession += checkEveryMin) {
    if (minuteOfSession === 60) add(59, event('rate-change', { rateMlPerH: '120', reason: 'Dissociation' }));
    if (minuteOfSession === 90) add(89, event('pause', { reason: 'Nausea' }));
    if (minuteOfSession === 95) add(94, event('resume', { rateMlPerH: '120', reason: 'Settled' }));
    checkSamples.push(add(minuteOfSession, { kind: 'observation', content: check(minuteOfSession) }));
  }
  // The bag as planned: an end far from the planned volume would need its reason.
  add(sessionMinutes + 1, event('end', { volumeInfusedMl: started.plannedVolumeMl ?? '100' }));
  add(sessionMinutes + 20, {
    kind: 'discharge',
    content: {
      criteria: starterDischargeCriteria.map((item) => ({ ...item, met: true })),
      vitals: { ...vitals(200), temperatureC: '36.8' },
      escortName: 'Bench Escort',
      instructionsGiven: true,
      notes: '',
    },
  });

  const getSamples = Array.from({ length: 30 }, () => timed(() => call(nurse, 'sessions.get', { sessionId }))[1]);
  const lastEntryId = lastEntryIdOf(call(nurse, 'sessions.get', { sessionId }));
  const statusSamples = Array.from(
    { length: 30 },
    () => timed(() => call(nurse, 'sessions.status', { sessionId, lastEntryId, signatureCount: 0 }))[1],
  );
  const [signed, signMs] = timed(() =>
    call(nurse, 'sessions.sign', { sessionId, lastEntryId, meaning: 'performed', username: 'nurse', password }),
  );
  const signature = signed.signatures[0];
  if (signature === undefined) throw new Error('not signed');
  const stored = call(nurse, 'documents.forSessionSignature', { sessionSignatureId: signature.id });

  // The PDF alone, rendered again from what the signature covers (as the service does).
  const row = getSession(ledger.db, sessionId);
  if (row === undefined) throw new Error('no session row');
  const recordJson = sessionDocumentText(row, listEntries(ledger.db, [sessionId]), signature.lastEntryId);
  const planVersion = call(nurse, 'records.get', { recordId: plan.id }).versions.find(
    (version) => version.id === draft.id,
  );
  if (planVersion?.recordType !== 'plan' || planVersion.computed === null) throw new Error('no signed plan');
  const input = {
    clinic: { name: 'Bench Clinic', address: '', timeZone: 'America/New_York' },
    patient: call(nurse, 'patients.get', { patientId }),
    session: signed,
    plan: {
      recordId: plan.id,
      version: planVersion.version,
      versionId: planVersion.id,
      content: planVersion.content,
      computed: planVersion.computed,
      signatures: planVersion.signatures,
    },
    signatures: signed.signatures,
    recordJson,
    recordSha256: createHash('sha256').update(recordJson).digest('hex'),
  };
  const renderSamples = Array.from({ length: 10 }, () => timed(() => renderSessionRecordSync(input))[1]);
  const pages = (
    renderSessionRecordSync(input)
      .toString('latin1')
      .match(/\/Type \/Page\b/g) ?? []
  ).length;
  ledger.close();

  const firstChecks = checkSamples.slice(0, 10);
  const lastChecks = checkSamples.slice(-10);
  process.stdout.write(
    `${JSON.stringify(
      {
        sessionMinutes,
        entries: signed.entries.length,
        checks: checkSamples.length,
        addCheckMedianMs: median(checkSamples),
        addCheckFirst10MedianMs: median(firstChecks),
        addCheckLast10MedianMs: median(lastChecks),
        addCheckGrowthRatio: Number((median(lastChecks) / median(firstChecks)).toFixed(2)),
        getSessionMedianMs: median(getSamples),
        statusMedianMs: median(statusSamples),
        signMs: Number(signMs.toFixed(1)),
        signNote: 'signing re-checks the password and unlocks the signing key with scrypt, which dominates',
        renderSessionPdfMedianMs: median(renderSamples),
        sessionPdfPages: pages,
        sessionPdfBytes: Buffer.from(stored.pdfBase64, 'base64').length,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
