/**
 * The clinic host of the clinic-host benchmark, in its own process (forked by
 * clinic-host-bench.ts) so the load clients' TLS work does not share its event loop: a fresh
 * temporary ledger with a clinic, a physician who signed an exam and a plan for each patient,
 * nurses, and the host on 127.0.0.2. It approves devices when asked (as an administrator at
 * the host would) and closes the ledger when told to stop; the benchmark then checks the file.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { demoPatients } from '../../src/cli/demo-data';
import { ensureHostCertificate } from '../../src/server/host-certificate';
import { startClinicHost } from '../../src/server/clinic-host';
import { completeExam, planWith } from '../../src/cli/demo-clinical';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract/methods';
import { localDate } from '../../src/domain/time';
import { dispatchAsync } from '../../src/services/dispatch-async';
import type { SignIn } from '../../src/services/sign-in';
import { createSignIn } from '../../src/services/sign-in';
import { startedBeforeSigning } from '../support/session-entries';
import { supervisedBy } from '../support/supervision';
import { adminPassword, createTestApp, saveFormulary, setUpClinic, staffPassword } from '../support/test-app';
import type { BenchHostReady, BenchHostReply, BenchHostRequest, BenchPatient } from './clinic-bench-client';

const address = '127.0.0.2';
const patientCount = Number(process.env.CLINIC_BENCH_PATIENTS ?? 30);
const nurseCount = Number(process.env.CLINIC_BENCH_NURSES ?? 5);

function reply(message: BenchHostReady | BenchHostReply): void {
  process.send?.(message);
}

/** Calls through dispatchAsync, so the 60 signatures' scrypt runs on the thread pool side by side. */
async function callAsync<M extends MethodName>(
  signIn: SignIn,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await dispatchAsync({ ledger: app.ledger, signIn }, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

/** What signedPlanFor (tests/support) does, with the signatures awaited instead of blocking. */
async function signedPlan(patientId: number): Promise<Omit<BenchPatient, 'patientId' | 'familyName'>> {
  const zone = app.ledger.raw.prepare('SELECT time_zone FROM clinic').pluck().get() as string;
  const exam = app.ok(physician, 'records.create', { type: 'exam', patientId });
  const examVersionId = exam.versions[0]?.id ?? 0;
  app.ok(physician, 'records.saveDraft', {
    type: 'exam',
    versionId: examVersionId,
    content: completeExam(localDate(new Date(), zone)),
  });
  const signing = { meaning: 'authored', username: 'physician', password: staffPassword } as const;
  await callAsync(physician, 'records.sign', { versionId: examVersionId, ...signing });
  const plan = app.ok(physician, 'records.create', { type: 'plan', patientId, examRecordId: exam.id });
  const draft = plan.versions[0];
  if (draft?.recordType !== 'plan') throw new Error('no plan draft');
  app.ok(physician, 'records.saveDraft', {
    type: 'plan',
    versionId: draft.id,
    content: planWith(draft.content.weight),
  });
  await callAsync(physician, 'records.sign', { versionId: draft.id, ...signing });
  return {
    planRecordId: plan.id,
    planVersionId: draft.id,
    timingReason: startedBeforeSigning,
    supervision: { physicianUserId: supervisedBy(app).physicianUserId, availability: 'on-site' },
  };
}

const setupStartedMs = Date.now();
const setupSteps: Record<string, number> = {};
let stepStartedMs = setupStartedMs;
/** How long each set-up step took (scrypt and key generation dominate). */
const step = (name: string): void => {
  setupSteps[name] = Date.now() - stepStartedMs;
  stepStartedMs = Date.now();
};
const app = createTestApp();
const admin = setUpClinic(app);
saveFormulary(app, admin);
/** A user made by the administrator, signed in with a changed password: signedInUser, awaited. */
async function staff(role: 'physician' | 'nurse', username: string): Promise<SignIn> {
  const temporaryPassword = 'Temporary-pass-2026!';
  const credentials = role === 'physician' ? 'MD' : 'RN';
  const user = { username, displayName: `Bench ${username}`, credentials, role, temporaryPassword, adminPassword };
  await callAsync(admin, 'users.create', user);
  const session = createSignIn();
  await callAsync(session, 'auth.signIn', { username, password: temporaryPassword });
  await callAsync(session, 'auth.changePassword', { currentPassword: temporaryPassword, newPassword: staffPassword });
  return session;
}

const physicianSignIn = staff('physician', 'physician');
// One more than charts: the benchmark's 31st device signs that one in and out.
const nurses = Array.from({ length: nurseCount + 1 }, (_, index) => `nurse${index + 1}`);
const charting = await Promise.all(nurses.map((username) => staff('nurse', username)));
const physician = await physicianSignIn;
step('clinic and users');
const patients: BenchPatient[] = await Promise.all(
  demoPatients(patientCount, 11).map(async (input, index) => {
    const nurse = charting[index % charting.length];
    if (nurse === undefined) throw new Error('no nurse');
    const patient = app.ok(nurse, 'patients.create', { patient: input });
    return { patientId: patient.id, familyName: input.familyName, ...(await signedPlan(patient.id)) };
  }),
);
const staticDir = mkdtempSync(join(tmpdir(), 'dosing-ledger-bench-static-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Dosing Ledger</title>');
step('patients, exams and plans signed');
const tls = await ensureHostCertificate({
  ledger: app.ledger,
  dbPath: app.path,
  hostNames: ['clinic-host.bench'],
  addresses: [address],
  credentials: () => Promise.resolve({ username: 'admin', password: adminPassword }),
});
step('host certificate');
const host = await startClinicHost({
  ledger: app.ledger,
  listen: { address, port: 0 },
  hostNames: ['clinic-host.bench'],
  tls: { keyPem: tls.keyPem, certificatePem: tls.certificatePem },
  rootCertificatePem: tls.rootCertificatePem,
  staticDir,
});

// The host's own CPU time and event-loop delay over the load, to tell a busy host from a busy client.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
let cpuSince = process.cpuUsage();
process.on('message', (message: BenchHostRequest) => {
  if (message.type === 'usage') {
    const cpu = process.cpuUsage(cpuSince);
    reply({ type: 'usage', cpuMs: (cpu.user + cpu.system) / 1000, loopDelayP99Ms: loopDelay.percentile(99) / 1e6 });
    cpuSince = process.cpuUsage();
    loopDelay.reset();
    return;
  }
  if (message.type === 'approve') {
    const approved = app.call(admin, 'devices.approve', { pairingCode: message.pairingCode, name: message.name });
    reply({
      type: 'approved',
      pairingCode: message.pairingCode,
      ok: approved.ok,
      error: approved.ok ? undefined : approved.error.message,
    });
  } else {
    void host.close().then(() => {
      // The benchmark reads the file afterwards and removes the folder.
      app.ledger.close();
      process.exit(0);
    });
  }
});
reply({
  type: 'ready',
  origin: host.origin,
  rootPem: tls.rootCertificatePem,
  dbPath: app.path,
  dir: app.dir,
  staticDir,
  patients,
  nurses,
  setupMs: Date.now() - setupStartedMs,
  setupSteps,
});
