import type { Role } from '../domain/roles';
import type { Ledger } from '../services/ledger';
import type { SignIn } from '../services/sign-in';
import { createSignIn } from '../services/sign-in';
import { localDate } from '../domain/time';
import { completeExam, demoFormulary, demoPump, planWith } from './demo-clinical';
import type { Call } from './demo-caller';
import { caller } from './demo-caller';
import { demoPatients } from './demo-data';
import type { DemoStaff } from './demo-register';
import { chargeDemoInfusions, seedDemoRegister } from './demo-register';
import { seedDemoSessions } from './demo-sessions';

export interface DemoUser {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  credentials: string;
}

/** Demo accounts. Their passwords are printed by `dosing-ledger demo`: never use them for real. */
export const demoUsers: DemoUser[] = [
  { username: 'admin', password: 'Lighthouse-demo-2026', role: 'admin', displayName: 'Morgan Reyes', credentials: '' },
  { username: 'dr.ruiz', password: 'Anchor-demo-2026', role: 'physician', displayName: 'Ana Ruiz', credentials: 'MD' },
  { username: 'nurse.chen', password: 'Compass-demo-2026', role: 'nurse', displayName: 'Li Chen', credentials: 'RN' },
  {
    username: 'auditor.okafor',
    password: 'Tidewater-demo-2026',
    role: 'auditor',
    displayName: 'Chidi Okafor',
    credentials: 'CPA',
  },
];

/**
 * How long before the demo's infusions its clinic was set up and its plans signed: the
 * infusions go back three hours, and an infusion charted before its plan's signature would
 * need a stated reason (signatures cannot be back-dated, so the whole set-up is earlier).
 */
const setUpHoursAgo = 6;

/** The demo account of a role, to sign, check, witness or count as the second person. */
function credentialsOf(role: Role): { username: string; password: string } {
  const account = demoUsers.find((user) => user.role === role);
  return { username: account?.username ?? '', password: account?.password ?? '' };
}

/**
 * Fills an empty ledger with a demo clinic through dispatch, so every record is validated
 * and audited like real use: set-up, one user per role, `patientCount` fictional patients.
 */
export function seedDemo(ledger: Ledger, options: { patientCount?: number; timeZone?: string } = {}): void {
  const setUpAt = () => new Date(Date.now() - setUpHoursAgo * 3_600_000);
  const call = caller(ledger, setUpAt);
  const [admin, ...staff] = demoUsers;
  if (admin === undefined) throw new Error('demo: no admin account defined');
  const adminSignIn = createSignIn();
  call(adminSignIn, 'setup.initialize', {
    clinic: {
      name: 'Harbor Infusion Clinic (demo)',
      address: '1 Harbor Way, Portland, ME 04101',
      timeZone: options.timeZone ?? 'America/New_York',
    },
    admin: {
      username: admin.username,
      displayName: admin.displayName,
      credentials: admin.credentials,
      password: admin.password,
    },
  });
  const signIns = new Map<Role, SignIn>();
  for (const user of staff) {
    const temporaryPassword = `${user.password}-first`;
    call(adminSignIn, 'users.create', {
      username: user.username,
      displayName: user.displayName,
      credentials: user.credentials,
      role: user.role,
      temporaryPassword,
      adminPassword: user.role === 'auditor' ? undefined : admin.password,
    });
    const signIn = createSignIn();
    call(signIn, 'auth.signIn', { username: user.username, password: temporaryPassword });
    call(signIn, 'auth.changePassword', { currentPassword: temporaryPassword, newPassword: user.password });
    signIns.set(user.role, signIn);
  }
  const nurse = signIns.get('nurse');
  if (nurse === undefined) throw new Error('demo: no nurse account defined');
  const patientIds = demoPatients(options.patientCount ?? 200).map(
    (patient) => call(nurse, 'patients.create', { patient }).id,
  );
  const physician = signIns.get('physician');
  if (physician === undefined) throw new Error('demo: no physician account defined');
  call(adminSignIn, 'formulary.update', {
    content: { ...demoFormulary, pumps: [demoPump] },
    password: admin.password,
    reason: 'Ketamine with the demo clinic’s own limits, for the demonstration ledger',
  });
  const registerStaff: DemoStaff = {
    physician,
    nurse,
    nurseCredentials: credentialsOf('nurse'),
    physicianCredentials: credentialsOf('physician'),
  };
  seedDemoRegister(call, adminSignIn, registerStaff, setUpAt(), options.timeZone ?? 'America/New_York');
  const currentPlans = seedClinicalRecords(
    call,
    physician,
    patientIds.slice(0, 12),
    localDate(setUpAt(), options.timeZone ?? 'America/New_York'),
  );
  const signer = credentialsOf('nurse');
  // The infusions are charted now, by the nurse signed in now.
  const now = caller(ledger);
  const chairside = createSignIn();
  now(chairside, 'auth.signIn', signer);
  const infusions = seedDemoSessions(now, chairside, currentPlans, signer);
  chargeDemoInfusions(now, { ...registerStaff, nurse: chairside }, infusions);
  now(chairside, 'auth.signOut', {});
  for (const signIn of [adminSignIn, ...signIns.values()]) call(signIn, 'auth.signOut', {});
}

const physicianPassword = demoUsers.find((user) => user.role === 'physician')?.password ?? '';

/**
 * Exams and plans as a physician would leave them after a few weeks: most signed, one
 * amended, one past a soft limit with its reason, one discontinued, some still drafts.
 */
function seedClinicalRecords(call: Call, physician: SignIn, patientIds: number[], today: string): number[] {
  const current: number[] = [];
  const sign = (versionId: number) =>
    call(physician, 'records.sign', {
      versionId,
      meaning: 'authored',
      username: 'dr.ruiz',
      password: physicianPassword,
    });
  const exam = (patientId: number, overrides: Parameters<typeof completeExam>[1] = {}, signIt = true) => {
    const record = call(physician, 'records.create', { type: 'exam', patientId });
    const versionId = record.versions[0]?.id ?? 0;
    call(physician, 'records.saveDraft', { type: 'exam', versionId, content: completeExam(today, overrides) });
    if (signIt) sign(versionId);
    return record.id;
  };
  const plan = (
    patientId: number,
    examRecordId: number,
    overrides: Parameters<typeof planWith>[1] = {},
    signIt = true,
  ) => {
    const record = call(physician, 'records.create', { type: 'plan', patientId, examRecordId });
    const draft = record.versions[0];
    if (draft?.recordType !== 'plan') throw new Error('demo: plan draft missing');
    call(physician, 'records.saveDraft', {
      type: 'plan',
      versionId: draft.id,
      content: planWith(draft.content.weight, { pumpId: demoPump.id, ...overrides }),
    });
    if (signIt) sign(draft.id);
    return record.id;
  };
  const amendPlan = (recordId: number, reason: string, overrides: Parameters<typeof planWith>[1]) => {
    const record = call(physician, 'records.amend', { recordId, reason });
    const draft = record.versions.at(-1);
    if (draft?.recordType !== 'plan') throw new Error('demo: amendment draft missing');
    call(physician, 'records.saveDraft', {
      type: 'plan',
      versionId: draft.id,
      content: { ...draft.content, ...overrides },
    });
    sign(draft.id);
  };
  const weights = ['72.4', '58.1', '91', '66.25', '80.5', '54.9', '103.2', '69'];
  patientIds.forEach((patientId, index) => {
    const weight = {
      value: weights[index % weights.length] ?? '70',
      unit: 'kg' as const,
      measuredOn: today,
      source: 'measured' as const,
    };
    switch (index) {
      case 8:
        exam(patientId, {
          weight,
          candidacy: { decision: 'not-a-candidate', rationale: 'Uncontrolled hypertension today.' },
        });
        return;
      case 9:
        exam(patientId, { weight }, false);
        return;
      case 10:
        plan(patientId, exam(patientId, { weight }), {}, false);
        return;
      case 11:
        return;
    }
    const examId = exam(
      patientId,
      index === 5 ? { weight: { ...weight, value: '160', unit: 'lb', source: 'stated' } } : { weight },
    );
    if (index === 2) {
      plan(patientId, examId, {
        doseMgPerKg: '1.2',
        overrideReasons: {
          doseMgPerKg: 'Tolerated 1.2 mg/kg in the previous series without adverse events',
          totalMg: 'Weight-based dose above the usual total; reviewed with the patient',
        },
      });
      return;
    }
    const planId = plan(patientId, examId, { doseMgPerKg: index === 1 ? '0.75' : '0.5' });
    if (index === 1) amendPlan(planId, 'Dissociation at 0.75 mg/kg: dose reduced', { doseMgPerKg: '0.5' });
    if (index <= 1) current.push(planId);
    if (index === 3) {
      call(physician, 'records.discontinue', {
        recordId: planId,
        reason: 'Patient moved to another clinic',
        password: physicianPassword,
      });
    }
  });
  return current;
}
