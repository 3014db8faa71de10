import { createHash } from 'node:crypto';
import { completeExam, demoKetamine, planWith } from '../../../src/cli/demo-clinical';
import type { AuditEntry } from '../../../src/domain/audit';
import { genesisHash } from '../../../src/domain/audit';
import { canonicalJson } from '../../../src/domain/canonical-json';
import type { ExamContent } from '../../../src/domain/exam';
import type { FormularyContent } from '../../../src/domain/formulary';
import { starterScreeningItems } from '../../../src/domain/formulary';
import type { Patient } from '../../../src/domain/patient';
import type { PlanContent } from '../../../src/domain/plan';
import { evaluatePlan } from '../../../src/domain/plan';
import type { SignatureMeaning } from '../../../src/domain/record';
import { displayStatus } from '../../../src/domain/record';
import { versionDocumentText } from '../../../src/domain/record-document';
import type { ExamComputed, PlanComputed, RecordVersionView, RecordView } from '../../../src/domain/record-view';
import { scaleTotal } from '../../../src/domain/scales';
import { formatPrintedName } from '../../../src/domain/user';
import { weightKg } from '../../../src/domain/weight';
import type { ExportSnapshot, ExportUser } from '../../../src/export/snapshot';
import { ruizSession, wangSession } from './session-fixture';

/**
 * A small clinic as an auditor would export it, built the way the services build it: exam
 * and plan content from the demo helpers, computed figures from the domain's own
 * evaluatePlan, SHA-256 over the real version document, and a real audit hash chain.
 *
 * - Ruiz, Ana María: exam signed, then amended (blood pressure corrected, GAD-7 withdrawn)
 *   and co-signed as reviewed; a plan signed past two soft limits with reasons, amended to
 *   0.6 mg/kg (0.6 × 72.4 = 43.44, which floats get wrong), and an open amendment draft.
 * - 王 小明: exam with a weight stated in lb (160 lb = 72.5747792 kg); plan signed, then
 *   discontinued.
 * - Żółć, Zoë: exam still a draft (in CSV only).
 * - Infusion sessions 7 (Ruiz, signed) and 8 (王, stopped): see session-fixture.ts.
 */
export const exportedAt = '2026-11-23T19:05:00.000Z';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const users: ExportUser[] = [
  { id: 1, username: 'admin', displayName: 'Morgan Reyes', credentials: '', role: 'admin', active: true },
  { id: 2, username: 'dr.ruiz', displayName: 'Ana Ruiz', credentials: 'MD', role: 'physician', active: true },
  { id: 3, username: 'nurse.chen', displayName: 'Li Chen', credentials: 'RN', role: 'nurse', active: true },
  { id: 4, username: 'auditor.okafor', displayName: 'Chidi Okafor', credentials: 'CPA', role: 'auditor', active: true },
  {
    id: 5,
    username: 'dr.haddad',
    displayName: 'Karim Haddad',
    credentials: 'DO, PhD',
    role: 'physician',
    active: false,
  },
];

const user = (id: number): ExportUser => {
  const found = users.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`fixture: no user ${id}`);
  return found;
};

export const patients: Patient[] = [
  {
    id: 1,
    version: 2,
    mrn: 'MRN-0001',
    familyName: 'Ruiz',
    givenNames: 'Ana María',
    preferredName: 'Ani',
    dateOfBirth: '1945-07-14',
    sex: 'female',
    phone: '+1 555 0100',
    emergencyContact: { name: 'Luis Ruiz', relationship: 'Son', phone: '+1 555 0101' },
    allergies: { status: 'recorded', items: ['Penicillin', 'Latex, "powdered" gloves'] },
    createdAt: '2026-11-01T13:00:00.000Z',
    updatedAt: '2026-11-02T13:30:00.000Z',
  },
  {
    id: 2,
    version: 1,
    mrn: 'MRN-0002',
    familyName: '王',
    givenNames: '小明',
    preferredName: '',
    dateOfBirth: '1980-02-29',
    sex: 'male',
    phone: '',
    emergencyContact: null,
    allergies: { status: 'none-known' },
    createdAt: '2026-11-01T13:05:00.000Z',
    updatedAt: '2026-11-01T13:05:00.000Z',
  },
  {
    id: 3,
    version: 1,
    mrn: 'MRN-0003',
    familyName: 'Żółć',
    givenNames: 'Zoë',
    preferredName: '',
    dateOfBirth: '1990-12-31',
    sex: 'other',
    phone: '+44 20 7946 0000',
    emergencyContact: null,
    allergies: { status: 'not-recorded' },
    createdAt: '2026-11-01T13:10:00.000Z',
    updatedAt: '2026-11-01T13:10:00.000Z',
  },
];

interface SignatureSpec {
  id: number;
  signer: number;
  meaning: SignatureMeaning;
  at: string;
}

interface VersionSpec<Content> {
  id: number;
  content: Content;
  author: number;
  createdAt: string;
  /** Omitted for a draft. */
  signatures?: SignatureSpec[];
  amendmentReason?: string;
  examVersionId?: number;
}

function examComputed(content: ExamContent): ExamComputed {
  return {
    scaleTotals: {
      phq9: scaleTotal(content.scales.phq9),
      gad7: scaleTotal(content.scales.gad7),
      pcl5: scaleTotal(content.scales.pcl5),
    },
    weightKg: content.weight === null ? null : weightKg(content.weight).toString(),
  };
}

/** What records.sign stores for a plan (services/records.ts planComputed). */
function planComputed(content: PlanContent, evaluatedOn: string): PlanComputed {
  const evaluation = evaluatePlan(content, [demoKetamine], evaluatedOn);
  if (evaluation.signingProblems.length > 0) {
    throw new Error(`fixture plan cannot be signed: ${evaluation.signingProblems.map((p) => p.message).join('; ')}`);
  }
  return {
    evaluatedOn,
    drugName: evaluation.drug?.name ?? '',
    derived: evaluation.derivation?.rounded ?? {},
    lines: evaluation.derivation?.lines ?? [],
    findings: evaluation.findings,
    limits: demoKetamine.limits,
    noLimitsConfigured: evaluation.noLimitsConfigured,
    weightAgeDays: evaluation.weightAgeDays,
    weightKg: content.weight === null ? null : weightKg(content.weight).toString(),
  };
}

export function buildRecord<Type extends 'exam' | 'plan'>(
  type: Type,
  id: number,
  patientId: number,
  specs: VersionSpec<Type extends 'exam' ? ExamContent : PlanContent>[],
  discontinued: RecordView['discontinued'] = null,
): RecordView {
  const versions: RecordVersionView[] = specs.map((spec, position) => {
    const signed = spec.signatures !== undefined;
    const signedAt = spec.signatures?.[0]?.at ?? null;
    const later = specs.slice(position + 1).find((next) => next.signatures !== undefined);
    const amendsVersionId = position === 0 ? null : (specs[position - 1]?.id ?? null);
    const computed = !signed
      ? null
      : type === 'exam'
        ? examComputed(spec.content as ExamContent)
        : planComputed(spec.content as PlanContent, (signedAt ?? '').slice(0, 10));
    const contentSha256 =
      signedAt === null
        ? null
        : sha256(
            versionDocumentText({
              recordType: type,
              recordId: id,
              patientId,
              versionId: spec.id,
              version: position + 1,
              createdAt: spec.createdAt,
              signedAt,
              amendsVersionId,
              amendmentReason: spec.amendmentReason ?? null,
              examVersionId: spec.examVersionId ?? null,
              formularyVersion: type === 'plan' ? 1 : null,
              authorUserId: spec.author,
              content: spec.content,
              computed,
            }),
          );
    const base = {
      id: spec.id,
      recordId: id,
      version: position + 1,
      status: signed ? ('signed' as const) : ('draft' as const),
      displayStatus: displayStatus({
        status: signed ? 'signed' : 'draft',
        version: position + 1,
        supersededBy: later?.id ?? null,
        discontinued: discontinued !== null,
      }),
      amendsVersionId,
      amendmentReason: spec.amendmentReason ?? null,
      supersededByVersionId: later?.id ?? null,
      examVersionId: spec.examVersionId ?? null,
      formularyVersion: type === 'plan' ? 1 : null,
      authorUserId: spec.author,
      authorPrintedName: formatPrintedName(user(spec.author)),
      createdAt: spec.createdAt,
      updatedAt: signedAt ?? spec.createdAt,
      signedAt,
      contentSha256,
      signatures: (spec.signatures ?? []).map((signature) => ({
        id: signature.id,
        signerUserId: signature.signer,
        printedName: formatPrintedName(user(signature.signer)),
        meaning: signature.meaning,
        signedAt: signature.at,
        contentSha256: contentSha256 ?? '',
      })),
    };
    return type === 'exam'
      ? { ...base, recordType: 'exam', content: spec.content as ExamContent, computed: computed as ExamComputed | null }
      : {
          ...base,
          recordType: 'plan',
          content: spec.content as PlanContent,
          computed: computed as PlanComputed | null,
        };
  });
  return { id, type, patientId, createdAt: specs[0]?.createdAt ?? '', discontinued, versions };
}

const ruizExamV1 = completeExam('2026-11-02', {
  scales: { phq9: [1, 2, 1, 0, 1, 2, 1, 0, 0], gad7: [1, 1, 0, 0, 1, 0, 0], pcl5: null, painNrs: 7 },
});
const ruizExamV2: ExamContent = {
  ...ruizExamV1,
  vitals: { ...ruizExamV1.vitals, systolicMmHg: 132 },
  scales: { ...ruizExamV1.scales, gad7: null },
};
const ruizWeight = ruizExamV2.weight === null ? null : { ...ruizExamV2.weight, from: 'exam' as const };
const ruizPlanV1 = planWith(ruizWeight, {
  doseMgPerKg: '1.5',
  premedication: 'Ondansetron 4 mg IV',
  overrideReasons: {
    doseMgPerKg: 'Tolerated 1.5 mg/kg in the previous series without adverse events',
    totalMg: '=Weight-based dose above the usual total; reviewed with the patient',
  },
});
const ruizPlanV2: PlanContent = { ...ruizPlanV1, doseMgPerKg: '0.6', overrideReasons: {} };

const wangExam = completeExam('2026-11-05', {
  indication: { text: 'Treatment-resistant depression', icd10: 'F33.9' },
  weight: { value: '160', unit: 'lb', measuredOn: '2026-11-05', source: 'stated' },
  heightCm: '175.5',
  vitals: {
    systolicMmHg: 118,
    diastolicMmHg: 76,
    heartRateBpm: 64,
    spo2Percent: 99,
    respiratoryRatePerMin: 12,
    temperatureC: '36.6',
  },
});
const wangWeight = wangExam.weight === null ? null : { ...wangExam.weight, from: 'exam' as const };

export const records: RecordView[] = [
  buildRecord('exam', 1, 1, [
    {
      id: 101,
      content: ruizExamV1,
      author: 2,
      createdAt: '2026-11-02T14:00:00.000Z',
      signatures: [{ id: 1, signer: 2, meaning: 'authored', at: '2026-11-02T14:05:00.000Z' }],
    },
    {
      id: 102,
      content: ruizExamV2,
      author: 2,
      createdAt: '2026-11-02T15:00:00.000Z',
      amendmentReason: 'Systolic pressure transcribed wrongly; GAD-7 was not administered',
      signatures: [
        { id: 2, signer: 2, meaning: 'authored', at: '2026-11-02T15:10:00.000Z' },
        { id: 3, signer: 5, meaning: 'reviewed', at: '2026-11-02T16:00:00.000Z' },
      ],
    },
  ]),
  buildRecord('plan', 2, 1, [
    {
      id: 201,
      content: ruizPlanV1,
      author: 2,
      examVersionId: 102,
      createdAt: '2026-11-02T16:10:00.000Z',
      signatures: [{ id: 4, signer: 2, meaning: 'authored', at: '2026-11-02T16:20:00.000Z' }],
    },
    {
      id: 202,
      content: ruizPlanV2,
      author: 2,
      examVersionId: 102,
      createdAt: '2026-11-09T14:00:00.000Z',
      amendmentReason: 'Dissociation at 1.5 mg/kg: dose reduced',
      signatures: [
        { id: 5, signer: 2, meaning: 'authored', at: '2026-11-09T14:10:00.000Z' },
        { id: 6, signer: 5, meaning: 'approved', at: '2026-11-09T14:30:00.000Z' },
      ],
    },
    {
      id: 203,
      content: { ...ruizPlanV2, notes: 'Draft: considering 0.5 mg/kg' },
      author: 2,
      examVersionId: 102,
      createdAt: '2026-11-16T14:00:00.000Z',
      amendmentReason: 'Review after infusion 2',
    },
  ]),
  buildRecord('exam', 3, 2, [
    {
      id: 301,
      content: wangExam,
      author: 2,
      createdAt: '2026-11-05T15:00:00.000Z',
      signatures: [{ id: 7, signer: 2, meaning: 'authored', at: '2026-11-05T15:20:00.000Z' }],
    },
  ]),
  buildRecord(
    'plan',
    4,
    2,
    [
      {
        id: 401,
        content: planWith(wangWeight, { notes: 'Escort: brother' }),
        author: 2,
        examVersionId: 301,
        createdAt: '2026-11-05T15:30:00.000Z',
        signatures: [{ id: 8, signer: 2, meaning: 'authored', at: '2026-11-05T15:40:00.000Z' }],
      },
    ],
    { at: '2026-11-20T18:00:00.000Z', reason: 'Patient moved to another clinic', printedName: 'Ana Ruiz, MD' },
  ),
  buildRecord('exam', 5, 3, [
    { id: 501, content: completeExam('2026-11-22'), author: 2, createdAt: '2026-11-22T14:00:00.000Z' },
  ]),
];

/** The pump rate the plan version printed, as the session view carries it. */
export const plannedRate = (planVersionId: number): string | null => {
  const version = records.flatMap((record) => record.versions).find((candidate) => candidate.id === planVersionId);
  return version?.recordType === 'plan' ? (version.computed?.derived.rateMlPerH ?? null) : null;
};

export const sessions = [ruizSession(plannedRate(202)), wangSession(plannedRate(401))];

type AuditSpec = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>;

/** The chain exactly as src/db/audit-log.ts computes it. */
export function chainAudit(specs: readonly AuditSpec[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let prevHash = genesisHash;
  specs.forEach((spec, position) => {
    const seq = position + 1;
    const text = canonicalJson({
      seq,
      at: spec.at,
      actorUserId: spec.actorUserId,
      action: spec.action,
      entityType: spec.entityType,
      entityId: spec.entityId,
      details: canonicalJson(spec.details),
      prevHash,
    });
    const hash = sha256(prevHash + text);
    entries.push({ seq, ...spec, prevHash, hash });
    prevHash = hash;
  });
  return entries;
}

export const auditEntries: AuditEntry[] = chainAudit([
  {
    at: '2026-11-01T12:59:00.000Z',
    actorUserId: null,
    action: 'auth.sign-in-failed',
    entityType: 'user',
    entityId: null,
    details: { username: 'nurse.chan', reason: 'unknown username' },
  },
  {
    at: '2026-11-01T13:00:00.000Z',
    actorUserId: 3,
    action: 'auth.signed-in',
    entityType: 'user',
    entityId: '3',
    details: { sessionId: 's-1' },
  },
  {
    at: '2026-11-01T13:00:00.000Z',
    actorUserId: 3,
    action: 'patient.created',
    entityType: 'patient',
    entityId: '1',
    details: { mrn: 'MRN-0001' },
  },
  {
    at: '2026-11-02T14:00:00.000Z',
    actorUserId: 2,
    action: 'record.created',
    entityType: 'exam',
    entityId: '1',
    details: { patientId: 1, versionId: 101, examVersionId: null },
  },
  {
    at: '2026-11-02T14:05:00.000Z',
    actorUserId: 2,
    action: 'record.signed',
    entityType: 'exam',
    entityId: '1',
    details: { versionId: 101, version: 1, meaning: 'authored', sha256: records[0]?.versions[0]?.contentSha256 ?? '' },
  },
  {
    at: '2026-11-02T15:00:00.000Z',
    actorUserId: 2,
    action: 'record.amendment-started',
    entityType: 'exam',
    entityId: '1',
    details: {
      versionId: 102,
      amends: 101,
      reason: 'Systolic pressure transcribed wrongly; GAD-7 was not administered',
    },
  },
  {
    at: '2026-11-02T16:20:00.000Z',
    actorUserId: 2,
    action: 'record.signed',
    entityType: 'plan',
    entityId: '2',
    details: {
      versionId: 201,
      version: 1,
      meaning: 'authored',
      overrideReasons: { doseMgPerKg: 'Tolerated 1.5 mg/kg in the previous series without adverse events' },
    },
  },
  {
    at: '2026-11-09T14:10:00.000Z',
    actorUserId: 2,
    action: 'record.signed',
    entityType: 'plan',
    entityId: '2',
    details: { versionId: 202, version: 2, meaning: 'authored' },
  },
  {
    at: '2026-11-16T14:00:00.000Z',
    actorUserId: 2,
    action: 'record.draft-saved',
    entityType: 'plan',
    entityId: '2',
    details: { versionId: 203, changes: [{ path: 'notes', from: '', to: 'Draft: considering 0.5 mg/kg' }] },
  },
  {
    at: '2026-11-20T18:00:00.000Z',
    actorUserId: 2,
    action: 'record.discontinued',
    entityType: 'plan',
    entityId: '4',
    details: { reason: 'Patient moved to another clinic' },
  },
  {
    at: '2026-11-21T09:00:00.000Z',
    actorUserId: 2,
    action: 'record.signing-password-wrong',
    entityType: 'user',
    entityId: '2',
    details: { failures: 1 },
  },
  {
    at: '2026-11-22T14:00:00.000Z',
    actorUserId: 1,
    action: 'formulary.updated',
    entityType: 'formulary',
    entityId: '2',
    details: { version: 2 },
  },
  {
    at: '2026-11-23T19:00:00.000Z',
    actorUserId: 4,
    action: 'patient.viewed',
    entityType: 'patient',
    entityId: '2',
    details: { mrn: 'MRN-0002' },
  },
  {
    at: '2026-11-16T16:25:00.000Z',
    actorUserId: 3,
    action: 'session.signed',
    entityType: 'session',
    entityId: '7',
    details: { meaning: 'performed', lastEntryId: 719, sha256: 'a'.repeat(64) },
  },
]);

const pdf = (label: string) => new TextEncoder().encode(`%PDF-1.7\n% ${label}\n%%EOF\n`);

/**
 * The formulary version the fixture's plans were checked against: the demo ketamine entry,
 * with the RxNorm code the clinic entered for it (the ingredient concept, RxCUI 6130).
 */
export const fixtureFormulary: FormularyContent = {
  drugs: [{ ...demoKetamine, rxNormCode: '6130' }],
  screeningItems: starterScreeningItems,
};

export const clinicRootPem =
  '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUZmFrZS1jbGluaWMtcm9vdC1mb3ItdGVzdHMwCgYIKoZI\n-----END CERTIFICATE-----\n';

export function exportSnapshot(overrides: Partial<ExportSnapshot> = {}): ExportSnapshot {
  const last = auditEntries.at(-1);
  return {
    clinic: {
      name: 'Harbor Infusion Clinic',
      address: '1 Harbor Way, Portland, ME 04101',
      timeZone: 'America/New_York',
    },
    exportedAt,
    exportedBy: user(4),
    selection: {
      description: 'Records from 01-Nov-2026 to 23-Nov-2026',
      from: '2026-11-01',
      to: '2026-11-23',
      patientIds: null,
    },
    users,
    patients,
    records,
    sessions,
    formularies: [{ version: 1, content: fixtureFormulary }],
    auditEntries,
    auditHead: { seq: (last?.seq ?? 0) + 2, hash: 'f'.repeat(64) },
    signedPdfs: [
      { versionId: 101, fileName: 'exam-1-v1.pdf', bytes: pdf('exam 1 v1') },
      { versionId: 102, fileName: 'exam-1-v2.pdf', bytes: pdf('exam 1 v2') },
      { versionId: 201, fileName: 'plan-2-v1.pdf', bytes: pdf('plan 2 v1') },
      { versionId: 202, fileName: 'plan-2-v2.pdf', bytes: pdf('plan 2 v2') },
      { versionId: 301, fileName: 'exam-3-v1 王.pdf', bytes: pdf('exam 3 v1') },
      { versionId: 401, fileName: 'plan-4-v1.pdf', bytes: pdf('plan 4 v1') },
      { sessionSignatureId: 21, fileName: 'session-7-performed.pdf', bytes: pdf('session 7 performed') },
    ],
    clinicRootCertificatePem: clinicRootPem,
    ...overrides,
  };
}
