import { createHash } from 'node:crypto';
import { completeExam, demoKetamine, planWith } from '../../src/cli/demo-clinical';
import type { ExamContent } from '../../src/domain/exam';
import type { Patient } from '../../src/domain/patient';
import type { PlanContent } from '../../src/domain/plan';
import { evaluatePlan } from '../../src/domain/plan';
import type { Signature } from '../../src/domain/record';
import { versionDocumentText } from '../../src/domain/record-document';
import type { ExamComputed, PlanComputed, RecordVersionView, RecordView } from '../../src/domain/record-view';
import { scaleTotal } from '../../src/domain/scales';
import { weightKg } from '../../src/domain/weight';
import type { RecordSummaryInput } from '../../src/pdf/record-summary-input';

/**
 * A realistic signed plan (amended once, with a soft-limit override) resting on a signed
 * exam, built with the demo clinic's drug list and the domain's own arithmetic, exactly as
 * the records service stores it.
 */
export const clinic = {
  name: 'Lakeside Infusion Clinic',
  address: '200 Harbor Road, Suite 4\nPortland, ME 04101 · (207) 555-0143',
  timeZone: 'America/New_York',
};

export const patient: RecordSummaryInput['patient'] = {
  mrn: 'LIC-004217',
  familyName: 'Żółć',
  givenNames: 'Zoë Łucja',
  preferredName: 'Zoë',
  dateOfBirth: '1971-09-14',
  sex: 'female',
  allergies: { status: 'recorded', items: ['Penicillin (rash)', 'Latex'] },
};

const author = { id: 2, printedName: 'Ana Ruiz, MD' };

function signature(id: number, signedAt: string, sha: string): Signature {
  return {
    id,
    signerUserId: author.id,
    printedName: author.printedName,
    meaning: 'authored',
    signedAt,
    contentSha256: sha,
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function examComputed(exam: ExamContent): ExamComputed {
  return {
    scaleTotals: {
      phq9: scaleTotal(exam.scales.phq9),
      gad7: scaleTotal(exam.scales.gad7),
      pcl5: scaleTotal(exam.scales.pcl5),
    },
    weightKg: exam.weight === null ? null : weightKg(exam.weight).toString(),
  };
}

function planComputed(plan: PlanContent, today: string): PlanComputed {
  const evaluation = evaluatePlan(plan, [demoKetamine], today);
  return {
    evaluatedOn: today,
    drugName: evaluation.drug?.name ?? '',
    derived: evaluation.derivation?.rounded ?? {},
    lines: evaluation.derivation?.lines ?? [],
    findings: evaluation.findings,
    limits: demoKetamine.limits,
    noLimitsConfigured: evaluation.noLimitsConfigured,
    weightAgeDays: evaluation.weightAgeDays,
    weightKg: plan.weight === null ? null : weightKg(plan.weight).toString(),
  };
}

interface Versioned {
  view: RecordVersionView;
  json: string;
  sha: string;
}

function seal(
  base: Omit<RecordVersionView, 'contentSha256' | 'signatures' | 'content' | 'computed' | 'recordType'>,
  recordType: 'exam' | 'plan',
  patientId: number,
  content: ExamContent | PlanContent,
  computed: ExamComputed | PlanComputed,
  signatureId: number,
): Versioned {
  const json = versionDocumentText({
    recordType,
    recordId: base.recordId,
    patientId,
    versionId: base.id,
    version: base.version,
    createdAt: base.createdAt,
    signedAt: base.signedAt ?? '',
    amendsVersionId: base.amendsVersionId,
    amendmentReason: base.amendmentReason,
    examVersionId: base.examVersionId,
    formularyVersion: base.formularyVersion,
    authorUserId: base.authorUserId,
    content,
    computed,
  });
  const sha = sha256(json);
  const common = { ...base, contentSha256: sha, signatures: [signature(signatureId, base.signedAt ?? '', sha)] };
  const view =
    recordType === 'exam'
      ? ({
          ...common,
          recordType,
          content: content as ExamContent,
          computed: computed as ExamComputed,
        } as RecordVersionView)
      : ({
          ...common,
          recordType,
          content: content as PlanContent,
          computed: computed as PlanComputed,
        } as RecordVersionView);
  return { view, json, sha };
}

const patientId = 3;

function versionBase(
  overrides: Partial<RecordVersionView> & Pick<RecordVersionView, 'id' | 'recordId' | 'version' | 'signedAt'>,
) {
  return {
    status: 'signed' as const,
    displayStatus: 'Signed' as const,
    amendsVersionId: null,
    amendmentReason: null,
    supersededByVersionId: null,
    examVersionId: null,
    formularyVersion: 3,
    authorUserId: author.id,
    authorPrintedName: author.printedName,
    createdAt: overrides.signedAt ?? '',
    updatedAt: overrides.signedAt ?? '',
    ...overrides,
  };
}

export function examRecord(): { record: RecordView; version: Versioned } {
  const content = completeExam('2026-11-23', {
    history: {
      ...completeExam('2026-11-23').history,
      notes: 'Migraine without aura; no psychiatric admissions.',
      priorReactions: 'Nausea after general anaesthesia (2014).',
    },
  });
  const version = seal(
    versionBase({
      id: 40,
      recordId: 11,
      version: 1,
      signedAt: '2026-11-23T15:30:00.000Z',
      createdAt: '2026-11-23T15:02:00.000Z',
      formularyVersion: null,
    }),
    'exam',
    patientId,
    content,
    examComputed(content),
    70,
  );
  return {
    record: {
      id: 11,
      type: 'exam',
      patientId,
      createdAt: '2026-11-23T15:02:00.000Z',
      discontinued: null,
      versions: [version.view],
    },
    version,
  };
}

export function planRecord(): { record: RecordView; versions: Versioned[]; exam: Versioned } {
  const exam = examRecord().version;
  const fromExam = {
    value: '72.4',
    unit: 'kg' as const,
    measuredOn: '2026-11-23',
    source: 'measured' as const,
    from: 'exam' as const,
  };
  const first = planWith(fromExam, {
    premedication: 'Ondansetron 4 mg IV before the infusion',
    rescueMedication: 'Midazolam 1 mg IV for emergence reactions',
  });
  const v1 = seal(
    versionBase({
      id: 44,
      recordId: 12,
      version: 1,
      signedAt: '2026-11-23T19:05:00.000Z',
      createdAt: '2026-11-23T18:40:00.000Z',
      examVersionId: 40,
      displayStatus: 'Superseded',
      supersededByVersionId: 45,
    }),
    'plan',
    patientId,
    first,
    planComputed(first, '2026-11-23'),
    71,
  );
  const second: PlanContent = {
    ...first,
    doseMgPerKg: '1.2',
    weight: { value: '160', unit: 'lb', measuredOn: '2026-11-30', source: 'measured', from: 'entered' },
    notes: 'Series continues weekly; review at infusion 3.',
    overrideReasons: {
      doseMgPerKg: 'Partial response at 0.5 mg/kg over three sessions; tolerated well, no dissociation beyond grade 1.',
    },
  };
  const v2 = seal(
    versionBase({
      id: 45,
      recordId: 12,
      version: 2,
      signedAt: '2026-11-30T15:10:00.000Z',
      createdAt: '2026-11-30T14:52:00.000Z',
      examVersionId: 40,
      displayStatus: 'Amended',
      amendsVersionId: 44,
      amendmentReason: 'Dose raised after tolerability review; weight re-measured in pounds.',
    }),
    'plan',
    patientId,
    second,
    planComputed(second, '2026-11-30'),
    72,
  );
  return {
    record: {
      id: 12,
      type: 'plan',
      patientId,
      createdAt: '2026-11-23T18:40:00.000Z',
      discontinued: null,
      versions: [v1.view, v2.view],
    },
    versions: [v1, v2],
    exam,
  };
}

/** The summary input for the amended plan (version 2). */
export function planSummaryInput(patientOverride: Partial<Patient> = {}): RecordSummaryInput {
  const { record, versions, exam } = planRecord();
  const latest = versions[1] as Versioned;
  const signed = latest.view.signatures[0] as Signature;
  return {
    clinic,
    patient: { ...patient, ...patientOverride },
    record,
    versionId: latest.view.id,
    examVersion: exam.view,
    signature: { printedName: signed.printedName, meaning: signed.meaning, signedAt: signed.signedAt },
    recordJson: latest.json,
    recordSha256: latest.sha,
  };
}

export function examSummaryInput(): RecordSummaryInput {
  const { record, version } = examRecord();
  const signed = version.view.signatures[0] as Signature;
  return {
    clinic,
    patient,
    record,
    versionId: version.view.id,
    examVersion: null,
    signature: { printedName: signed.printedName, meaning: signed.meaning, signedAt: signed.signedAt },
    recordJson: version.json,
    recordSha256: version.sha,
  };
}
