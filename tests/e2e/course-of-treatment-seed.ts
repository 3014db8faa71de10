import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { expect } from 'vitest';
import { demoUsers, seedDemo } from '../../src/cli/demo';
import type { Call } from '../../src/cli/demo-caller';
import { caller } from '../../src/cli/demo-caller';
import { completeExam } from '../../src/cli/demo-clinical';
import { withDemoCourse } from '../../src/cli/demo-course';
import { demoDraws } from '../../src/cli/demo-register';
import { programmedRateMlPerH } from '../../src/domain/dose';
import type { ExamContent } from '../../src/domain/exam';
import { recoveryCheckIds } from '../../src/domain/recovery-checks';
import type { Ledger } from '../../src/services/ledger';
import { openLedger } from '../../src/services/ledger';
import type { SignIn } from '../../src/services/sign-in';
import { createSignIn } from '../../src/services/sign-in';

/** Set-up and read-back through the services for the course-of-treatment end-to-end test (issue 22). */

export const passwordOf = (username: string) => demoUsers.find((user) => user.username === username)?.password ?? '';
export const physician = { username: 'dr.ruiz', password: passwordOf('dr.ruiz'), printedName: 'Ana Ruiz, MD' };
export const nurse = { username: 'nurse.chen', password: passwordOf('nurse.chen'), printedName: 'Li Chen, RN' };
/** A second physician, so supervision can be handed over during the infusion. */
export const relief = { username: 'dr.osei', password: 'Beacon-relief-2026', printedName: 'Kwame Osei, MD' };
const auditor = { username: 'auditor.okafor', password: passwordOf('auditor.okafor') };

/** The demo's 12th patient has no exam; the 8th has a signed plan whose weekly series the demo charted. */
export const examPatientId = 12;
export const seriesPatientId = 8;

export interface Seeded {
  examRecordId: number;
  examVersionId: number;
  planRecordId: number;
  /** Infusions of the series the demo charted before the test's own. */
  earlier: number;
  rate: string;
  draws: { containerId: number; volumeMl: string }[];
  drawnVolumeMl: string;
  wasteMg: string;
}

function signedIn(call: Call, account: { username: string; password: string }): SignIn {
  const session = createSignIn();
  call(session, 'auth.signIn', { username: account.username, password: account.password });
  return session;
}

/**
 * The exam as the demo writes it (results, prior treatments, risk screen), with an ECG 240
 * days old against the clinic's 180 and PHQ-9 item 9 at 1, and neither acknowledged yet.
 */
function flaggedDraft(today: string): ExamContent {
  const acknowledged = withDemoCourse(completeExam(today), { flagged: true, staleEcg: true });
  const content: ExamContent = { ...acknowledged, pretreatment: { results: acknowledged.pretreatment?.results ?? [] } };
  delete content.riskAcknowledgement;
  return content;
}

export function seed(dbPath: string): Seeded {
  const ledger = openLedger(dbPath);
  try {
    seedDemo(ledger, { patientCount: 12 });
    const call = caller(ledger);
    const admin = signedIn(call, { username: 'admin', password: passwordOf('admin') });
    const temporaryPassword = `${relief.password}-first`;
    call(admin, 'users.create', {
      username: relief.username,
      displayName: 'Kwame Osei',
      credentials: 'MD',
      role: 'physician',
      temporaryPassword,
      adminPassword: passwordOf('admin'),
    });
    const osei = signedIn(call, { username: relief.username, password: temporaryPassword });
    call(osei, 'auth.changePassword', { currentPassword: temporaryPassword, newPassword: relief.password });

    const ruiz = signedIn(call, physician);
    const today = DateTime.now().setZone('America/New_York').toISODate() ?? '';
    const examRecords = call(ruiz, 'records.list', { patientId: examPatientId }).records;
    if (examRecords.some((record) => record.type === 'exam')) throw new Error('the 12th demo patient has an exam');
    const exam = call(ruiz, 'records.create', { type: 'exam', patientId: examPatientId });
    const examVersionId = exam.versions[0]?.id ?? 0;
    call(ruiz, 'records.saveDraft', { type: 'exam', versionId: examVersionId, content: flaggedDraft(today) });

    const chen = signedIn(call, nurse);
    const plan = call(chen, 'records.list', { patientId: seriesPatientId }).records.find(
      (record) => record.type === 'plan' && record.discontinued === null,
    );
    const current = plan?.versions.filter((version) => version.status === 'signed').at(-1);
    const computed = current?.recordType === 'plan' ? current.computed : null;
    const rate = computed === null ? null : programmedRateMlPerH(computed.derived);
    if (plan === undefined || rate === null) throw new Error('the 8th demo patient has no signed plan');
    const earlier = call(chen, 'sessions.list', { patientId: seriesPatientId }).sessions.length;
    const drawn = demoDraws(call, chen, plan.id);
    for (const session of [admin, osei, ruiz, chen]) call(session, 'auth.signOut', {});
    return {
      examRecordId: exam.id,
      examVersionId,
      planRecordId: plan.id,
      earlier,
      rate,
      draws: drawn.draws,
      drawnVolumeMl: drawn.volumeMl,
      wasteMg: drawn.wasteMg,
    };
  } finally {
    ledger.close();
  }
}

/** pdfsig's verdict on a stored PDF: valid and the whole document signed. Returns its text. */
export function verifiedPdfText(dir: string, name: string, pdfBase64: string): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.from(pdfBase64, 'base64'));
  const report = spawnSync('pdfsig', [path], { encoding: 'utf8' }).stdout;
  expect(report, name).toContain('Signature is Valid.');
  expect(report, name).toContain('Total document signed');
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** The stored PDFs of the scenario's exam, session and review, read by the auditor after the app is closed. */
export function scenarioPdfs(
  ledger: Ledger,
  ids: { examVersionId: number; sessionId: number; reviewRecordId: number },
): { exam: string; session: string; review: string } {
  const call = caller(ledger);
  const okafor = signedIn(call, auditor);
  const signature = call(okafor, 'sessions.get', { sessionId: ids.sessionId }).signatures[0];
  const review = call(okafor, 'records.get', { recordId: ids.reviewRecordId }).versions.find(
    (version) => version.status === 'signed',
  );
  const pdfs = {
    exam: call(okafor, 'documents.forVersion', { versionId: ids.examVersionId }).pdfBase64,
    session: call(okafor, 'documents.forSessionSignature', { sessionSignatureId: signature?.id ?? 0 }).pdfBase64,
    review: call(okafor, 'documents.forVersion', { versionId: review?.id ?? 0 }).pdfBase64,
  };
  call(okafor, 'auth.signOut', {});
  return pdfs;
}

/** Each session of the patient's series, as charted: its supervisor, its monitoring, its recovery checks. */
export function seriesAsCharted(
  ledger: Ledger,
  patientId: number,
): { supervisedBy: string | null; monitoring: string[]; recoveryChecks: number; status: string }[] {
  const call = caller(ledger);
  const chen = signedIn(call, nurse);
  const physicians = call(chen, 'sessions.physicians', {}).physicians;
  const sessions = call(chen, 'sessions.list', { patientId }).sessions;
  call(chen, 'auth.signOut', {});
  return sessions.map((session) => {
    const checklist = session.entries.find((entry) => entry.kind === 'checklist');
    const content = checklist?.kind === 'checklist' ? checklist.content : null;
    const supervisor = physicians.find((one) => one.userId === content?.supervision?.physicianUserId);
    return {
      supervisedBy: supervisor?.printedName ?? null,
      monitoring: Object.entries(content?.monitoring ?? {}).flatMap(([item, inUse]) => (inUse === true ? [item] : [])),
      recoveryChecks: recoveryCheckIds(session.entries).size,
      status: session.status,
    };
  });
}
