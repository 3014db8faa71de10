/**
 * Chart benchmark (issue 14): a regular patient with 120 infusion sessions charted through
 * dispatch (a check every 5 minutes over 3 hours each: ~40 entries a session), then what the
 * chart reads when it opens: the newest page of sessions (`sessions.page`), the drug given
 * (`sessions.doses`), an older page, the chairside series position, against reading every
 * session's full view (`sessions.list`, what the chart read before). Prints JSON with medians and
 * p95; compare ratios, not absolute times. Run it alone: `npx tsx tests/bench/chart-bench.ts`
 * (`BENCH_SESSIONS=N` for another count).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeExam, demoFormulary, planWith } from '../../src/cli/demo-clinical';
import { demoPatients } from '../../src/cli/demo-data';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract/methods';
import { starterDischargeCriteria } from '../../src/domain/infusion-session';
import { emptyScales } from '../../src/domain/scales';
import { dispatch } from '../../src/services/dispatch';
import { openLedger } from '../../src/services/ledger';
import type { SignIn } from '../../src/services/sign-in';
import { createSignIn } from '../../src/services/sign-in';
import { administrationEvent } from '../support/session-entries';
import { unexpiredLot } from '../support/unexpired-lot';

const password = 'Bench-password-2027';
const adminPassword = 'Bench-password-2026';
const minute = 60_000;
const sessionCount = Number(process.env.BENCH_SESSIONS ?? 120);
const checks = 36;
const runs = 40;

function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Number((sorted[Math.max(0, index)] ?? Number.NaN).toFixed(3));
}

function sample(run: () => unknown): { medianMs: number; p95Ms: number } {
  const samples = Array.from({ length: runs }, () => {
    const start = process.hrtime.bigint();
    run();
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  return { medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95) };
}

const vitals = (index: number) => ({
  systolicMmHg: 120 + (index % 17),
  diastolicMmHg: 78 + (index % 9),
  heartRateBpm: 72 + (index % 13),
  spo2Percent: 97,
  respiratoryRatePerMin: 14,
  temperatureC: null,
});

const dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-chart-bench-'));
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
    content: { ...planWith(draft.content.weight), durationMin: checks * 5, monitoringIntervalMin: 5 },
  });
  call(physician, 'records.sign', { versionId: draft.id, meaning: 'authored', password });

  const buildStart = Date.now();
  for (let index = 0; index < sessionCount; index += 1) {
    // One infusion every 3 days, back from yesterday.
    const startMs = Date.now() - ((sessionCount - index) * 3 * 24 * 60 + 300) * minute;
    const at = (minuteOfSession: number) => new Date(startMs + minuteOfSession * minute).toISOString();
    const started = call(nurse, 'sessions.start', {
      planRecordId: plan.id,
      planVersionId: draft.id,
      occurredAt: at(0),
      timingReason: 'Bench: charted back in time, beyond the series, before the plan signed as the bench began',
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
        vitals: { ...vitals(index), temperatureC: '36.7' },
        scales: { ...emptyScales, painNrs: 6 },
      },
    });
    const add = (minuteOfSession: number, entry: MethodInput<'sessions.addEntry'>['entry']) =>
      call(nurse, 'sessions.addEntry', { sessionId: started.id, occurredAt: at(minuteOfSession), entry });
    add(
      1,
      administrationEvent('start', {
        rateMlPerH: started.plannedRateMlPerH ?? '0',
        lotNumber: 'B-1',
        lotExpiry: unexpiredLot,
      }),
    );
    for (let check = 1; check <= checks; check += 1) {
      add(check * 5, {
        kind: 'observation',
        content: {
          vitals: vitals(check),
          sedation: 5,
          cadss6: [0, 1, 0, 0, 0, 0],
          painNrs: 4,
          nausea: 'none',
          notes: '',
        },
      });
    }
    add(checks * 5 + 1, administrationEvent('end', { volumeInfusedMl: started.plannedVolumeMl ?? '100' }));
    add(checks * 5 + 20, {
      kind: 'discharge',
      content: {
        criteria: starterDischargeCriteria.map((item) => ({ ...item, met: true })),
        vitals: { ...vitals(200), temperatureC: '36.8' },
        escortName: 'Bench Escort',
        instructionsGiven: true,
        notes: '',
      },
    });
  }
  const buildMs = Date.now() - buildStart;

  const first = call(nurse, 'sessions.page', { patientId, limit: 20 });
  const results = {
    sessions: sessionCount,
    entriesPerSession: checks + 4,
    buildSeconds: Number((buildMs / 1000).toFixed(1)),
    firstPage: sample(() => call(nurse, 'sessions.page', { patientId, limit: 20 })),
    olderPage: sample(() =>
      call(nurse, 'sessions.page', { patientId, limit: 20, beforeSessionId: first.olderBefore ?? 1 }),
    ),
    chairsidePosition: sample(() => call(nurse, 'sessions.page', { patientId, limit: 1 })),
    doses: sample(() => call(nurse, 'sessions.doses', { patientId })),
    openOneSession: sample(() => call(nurse, 'sessions.get', { sessionId: first.sessions[0]?.id ?? 1 })),
    everyFullView: sample(() => call(nurse, 'sessions.list', { patientId })),
    recordsList: sample(() => call(nurse, 'records.list', { patientId })),
  };
  console.log(JSON.stringify(results, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
