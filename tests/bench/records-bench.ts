/**
 * Clinical-record benchmark (`npm run bench`): saving a plan draft, signing it (which
 * includes re-checking the signer's password with scrypt), and opening a chart whose plan
 * has 50 versions. Prints JSON with medians; compare ratios, not absolute times.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completeExam, demoFormulary, planWith } from '../../src/cli/demo-clinical';
import { demoPatients } from '../../src/cli/demo-data';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract/methods';
import { dispatch } from '../../src/services/dispatch';
import { openLedger } from '../../src/services/ledger';
import type { SignIn } from '../../src/services/sign-in';
import { createSignIn } from '../../src/services/sign-in';

const versions = 50;
const password = 'Bench-password-2027';

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Number((sorted[Math.floor(sorted.length / 2)] ?? Number.NaN).toFixed(3));
}

function timed<T>(run: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const value = run();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

const dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-bench-'));
try {
  const ledger = openLedger(join(dir, 'ledger.sqlite'));
  const call = <M extends MethodName>(session: SignIn, method: M, input: MethodInput<M>): MethodOutput<M> => {
    const result = dispatch({ ledger, signIn: session }, method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as MethodOutput<M>;
  };
  const admin = createSignIn();
  const physician = createSignIn();
  call(admin, 'setup.initialize', {
    clinic: { name: 'Bench Clinic', address: '', timeZone: 'UTC' },
    admin: { username: 'admin', displayName: 'Bench Admin', credentials: '', password: 'Bench-password-2026' },
  });
  call(admin, 'formulary.update', {
    content: demoFormulary,
    password: 'Bench-password-2026',
    reason: 'Bench clinic set-up',
  });
  call(admin, 'users.create', {
    username: 'doctor',
    displayName: 'Bench Doctor',
    credentials: 'MD',
    role: 'physician',
    temporaryPassword: 'Bench-temporary-2026',
    adminPassword: 'Bench-password-2026',
  });
  call(physician, 'auth.signIn', { username: 'doctor', password: 'Bench-temporary-2026' });
  call(physician, 'auth.changePassword', { currentPassword: 'Bench-temporary-2026', newPassword: password });
  const [patient] = demoPatients(1);
  if (patient === undefined) throw new Error('no patient');
  call(admin, 'users.create', {
    username: 'nurse',
    displayName: 'Bench Nurse',
    credentials: 'RN',
    role: 'nurse',
    temporaryPassword: 'Bench-temporary-2026',
    adminPassword: 'Bench-password-2026',
  });
  const nurse = createSignIn();
  call(nurse, 'auth.signIn', { username: 'nurse', password: 'Bench-temporary-2026' });
  call(nurse, 'auth.changePassword', { currentPassword: 'Bench-temporary-2026', newPassword: password });
  const patientId = call(nurse, 'patients.create', { patient }).id;

  const today = new Date().toISOString().slice(0, 10);
  const exam = call(physician, 'records.create', { type: 'exam', patientId });
  const examVersionId = exam.versions[0]?.id ?? 0;
  call(physician, 'records.saveDraft', { type: 'exam', versionId: examVersionId, content: completeExam(today) });
  call(physician, 'records.sign', { versionId: examVersionId, meaning: 'authored', username: 'doctor', password });

  const plan = call(physician, 'records.create', { type: 'plan', patientId, examRecordId: exam.id });
  const first = plan.versions[0];
  if (first?.recordType !== 'plan') throw new Error('no plan draft');
  const base = planWith(first.content.weight);
  const saveSamples: number[] = [];
  const signSamples: number[] = [];
  let draftId = first.id;
  for (let version = 1; version <= versions; version += 1) {
    const content = { ...base, notes: `Version ${version}`, doseMgPerKg: version % 2 === 0 ? '0.5' : '0.6' };
    saveSamples.push(
      timed(() => call(physician, 'records.saveDraft', { type: 'plan', versionId: draftId, content }))[1],
    );
    signSamples.push(
      timed(() => call(physician, 'records.sign', { versionId: draftId, meaning: 'authored', password }))[1],
    );
    if (version < versions) {
      const amended = call(physician, 'records.amend', { recordId: plan.id, reason: `Adjustment ${version}` });
      draftId = amended.versions.at(-1)?.id ?? 0;
    }
  }
  const openSamples = Array.from({ length: 30 }, () => timed(() => call(nurse, 'records.list', { patientId }))[1]);
  const chairsideSamples = Array.from(
    { length: 30 },
    () => timed(() => call(nurse, 'chairside.get', { patientId }))[1],
  );
  const [listed] = timed(() => call(nurse, 'records.list', { patientId }));
  ledger.close();
  process.stdout.write(
    `${JSON.stringify(
      {
        planVersions: listed.records.find((record) => record.type === 'plan')?.versions.length,
        saveDraftMedianMs: median(saveSamples),
        signMedianMs: median(signSamples),
        signNote: 'signing re-checks the password with scrypt (N=2^17), which dominates',
        openChartWith50VersionsMedianMs: median(openSamples),
        chairsideMedianMs: median(chairsideSamples),
      },
      null,
      2,
    )}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
