import type { ReviewDecision } from '../../domain/course-review';
import { reviewOutcomeLabels } from '../../domain/course-review';
import {
  decisionText,
  outcomeText,
  patientTotalMgText,
  seriesMgText,
  sessionsText,
} from '../../domain/course-review-text';
import type { RecordVersionView, RecordView } from '../../domain/record-view';
import type { ExportIndex } from '../snapshot-index';
import { ledgerSystems } from './code-systems';
import type { Annotation, CodeableConcept, FhirResource, Identifier, Reference } from './datatypes';
import { fhirInstant } from './instant';
import { ids, reference } from './ids';
import type { FhirMapper } from './mapper';
import { patientReference, practitionerReference } from './references';

export type ReviewVersion = Extract<RecordVersionView, { recordType: 'review' }>;

/** Ids of the course review's resources, from the ledger's ids like every other (ids.ts). */
export const reviewIds = {
  /** One ClinicalImpression per signed review version, as plans give one MedicationRequest per version. */
  clinicalImpression: (reviewRecordId: number, version: number) => `review-${reviewRecordId}-v${version}`,
  /** One CarePlan per reviewed series (plan record): its status follows the latest review's decision. */
  carePlan: (planRecordId: number) => `plan-${planRecordId}-series`,
} as const;

export interface ClinicalImpression extends FhirResource {
  resourceType: 'ClinicalImpression';
  identifier: Identifier[];
  status: 'completed';
  description?: string;
  subject: Reference;
  effectiveDateTime?: string;
  date: string;
  assessor: Reference;
  summary: string;
  finding?: { itemCodeableConcept: CodeableConcept; basis?: string }[];
  prognosisCodeableConcept?: CodeableConcept[];
  supportingInfo?: Reference[];
  note?: Annotation[];
}

export interface CarePlan extends FhirResource {
  resourceType: 'CarePlan';
  identifier: Identifier[];
  status: 'active' | 'on-hold' | 'completed';
  intent: 'plan';
  title: string;
  description: string;
  subject: Reference;
  created?: string;
  author?: Reference;
  supportingInfo: Reference[];
  activity: { reference: Reference }[];
  note?: Annotation[];
}

/** continue/maintenance: the series goes on; pause: on hold; stop: the series is over. */
export const carePlanStatus: Record<ReviewDecision, CarePlan['status']> = {
  continue: 'active',
  maintenance: 'active',
  pause: 'on-hold',
  stop: 'completed',
};

function isReview(version: RecordVersionView): version is ReviewVersion {
  return version.recordType === 'review';
}

/** The plan's MedicationRequest at the version the review looked back on (frozen at signing). */
function planRequest(version: ReviewVersion): Reference | undefined {
  const plan = version.computed?.plan;
  return plan === undefined
    ? undefined
    : reference('MedicationRequest', ids.medicationRequest(plan.recordId, plan.version));
}

export function clinicalImpression(index: ExportIndex, record: RecordView, version: ReviewVersion): ClinicalImpression {
  const { content, computed } = version;
  const signer = version.signatures[0];
  const request = planRequest(version);
  const superseded = version.supersededByVersionId === null ? undefined : index.version(version.supersededByVersionId);
  return {
    resourceType: 'ClinicalImpression',
    id: reviewIds.clinicalImpression(record.id, version.version),
    identifier: [{ system: ledgerSystems.recordVersion, value: String(version.id) }],
    status: 'completed',
    description: 'Course review of an infusion series',
    subject: patientReference(index, record.patientId),
    effectiveDateTime: content.reviewDate ?? undefined,
    date: fhirInstant(version.signedAt ?? version.updatedAt),
    assessor: practitionerReference(index, signer?.signerUserId ?? version.authorUserId),
    summary: `${outcomeText(content)}: ${content.reason}`,
    finding:
      content.outcome === null
        ? undefined
        : [{ itemCodeableConcept: { text: reviewOutcomeLabels[content.outcome] }, basis: content.reason }],
    prognosisCodeableConcept: content.decision === null ? undefined : [{ text: `Decision: ${decisionText(content)}` }],
    supportingInfo: [
      ...(request === undefined ? [] : [request]),
      reference('CarePlan', reviewIds.carePlan(content.planRecordId)),
    ],
    note: [
      ...(computed === null
        ? []
        : [
            { text: `Sessions: ${sessionsText(computed)}` },
            // The screen's texts keep number and unit together with a no-break space; FHIR strings
            // allow only ordinary white space.
            { text: `Drug given in this series: ${seriesMgText(computed).replaceAll('\u00a0', ' ')}` },
            { text: `Drug given in total: ${patientTotalMgText(computed).replaceAll('\u00a0', ' ')}` },
          ]),
      ...(content.notes.trim() === '' ? [] : [{ text: content.notes }]),
      ...(superseded === undefined ? [] : [{ text: `Superseded by version ${superseded.version.version} (amended)` }]),
    ],
  };
}

/** The series as a CarePlan, from the latest signed review of each reviewed plan. */
function carePlans(index: ExportIndex): CarePlan[] {
  const latest = new Map<number, { record: RecordView; version: ReviewVersion }>();
  for (const record of index.snapshot.records) {
    const current = index.signedVersions(record).filter(isReview).at(-1);
    if (current === undefined || current.signedAt === null) continue;
    const planRecordId = current.content.planRecordId;
    const before = latest.get(planRecordId)?.version.signedAt ?? '';
    if (current.signedAt > before) latest.set(planRecordId, { record, version: current });
  }
  return [...latest.entries()]
    .sort(([left], [right]) => left - right)
    .flatMap(([planRecordId, { record, version }]) => {
      if (version.content.decision === null) return [];
      const request = planRequest(version);
      return [
        {
          resourceType: 'CarePlan',
          id: reviewIds.carePlan(planRecordId),
          identifier: [{ system: ledgerSystems.recordVersion, value: String(version.id) }],
          status: carePlanStatus[version.content.decision],
          intent: 'plan',
          title: `Infusion series of plan ${planRecordId}`,
          description: `Latest course review (record ${record.id} version ${version.version}): ${outcomeText(version.content)}; ${decisionText(version.content)}`,
          subject: patientReference(index, record.patientId),
          created: version.signedAt === null ? undefined : fhirInstant(version.signedAt),
          author: practitionerReference(index, version.authorUserId),
          supportingInfo: [reference('ClinicalImpression', reviewIds.clinicalImpression(record.id, version.version))],
          activity: request === undefined ? [] : [{ reference: request }],
        } satisfies CarePlan,
      ];
    });
}

/** Every signed course review version as a ClinicalImpression, then each reviewed series' CarePlan. */
export const courseReviewMapper: FhirMapper = {
  name: 'course-review',
  scope: 'patient',
  types: ['ClinicalImpression', 'CarePlan'],
  map({ index }) {
    const impressions = index.snapshot.records.flatMap((record) =>
      index
        .signedVersions(record)
        .filter(isReview)
        .map((version) => clinicalImpression(index, record, version)),
    );
    return [...impressions, ...carePlans(index)];
  },
};
