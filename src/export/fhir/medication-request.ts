import type { RecordView } from '../../domain/record-view';
import type { ExportIndex, PlanVersion } from '../snapshot-index';
import { ledgerSystems } from './code-systems';
import type { Annotation, CodeableConcept, FhirResource, Identifier, Reference } from './datatypes';
import type { Dosage } from './dosage';
import { dosageOf } from './dosage';
import { fhirInstant } from './instant';
import type { MedicationChoice } from './medication';
import { planMedication } from './medication';
import { ids, reference, versionedReference } from './ids';
import type { FhirMapper } from './mapper';
import { planNotes } from './plan-notes';
import { patientReference, practitionerReference } from './references';

export type MedicationRequest = FhirResource &
  MedicationChoice & {
    resourceType: 'MedicationRequest';
    identifier: Identifier[];
    status: 'active' | 'stopped';
    statusReason?: CodeableConcept;
    intent: 'order';
    subject: Reference;
    supportingInformation?: Reference[];
    authoredOn: string;
    requester: Reference;
    reasonReference?: Reference[];
    note?: Annotation[];
    dosageInstruction: Dosage[];
    priorPrescription?: Reference;
  };

/**
 * Status of one signed plan version:
 * - the current version is "active" (actionable; the series is not known to be complete);
 * - a version replaced by a signed amendment is "stopped", with the amendment as reason:
 *   FHIR changes an order by stopping it and linking the new one through priorPrescription.
 *   Not "entered-in-error" (that says the order should never have existed, while a superseded
 *   version stays part of the legal record) and not "cancelled" (that claims no infusion was
 *   given under it, which this export cannot know);
 * - a discontinued plan's current version is "stopped", with the discontinuation reason.
 */
function statusOf(
  index: ExportIndex,
  record: RecordView,
  version: PlanVersion,
): Pick<MedicationRequest, 'status' | 'statusReason'> {
  if (version.supersededByVersionId !== null) {
    const next = index.version(version.supersededByVersionId)?.version;
    const reason = next?.amendmentReason ?? '';
    return {
      status: 'stopped',
      statusReason: {
        text: `Superseded by version ${next?.version ?? '(not exported)'} (amended)${reason === '' ? '' : `: ${reason}`}`,
      },
    };
  }
  if (record.discontinued !== null) {
    return { status: 'stopped', statusReason: { text: `Discontinued: ${record.discontinued.reason}` } };
  }
  return { status: 'active' };
}

/** The exam this plan rests on, at the exact version it rested on. */
function examLinks(
  index: ExportIndex,
  version: PlanVersion,
): Pick<MedicationRequest, 'supportingInformation' | 'reasonReference'> {
  const exam = version.examVersionId === null ? undefined : index.version(version.examVersionId);
  if (exam === undefined || exam.version.status !== 'signed') return {};
  const examVersion = String(exam.version.version);
  const weightFromExam = version.content.weight?.from === 'exam';
  return {
    supportingInformation: [
      versionedReference('Encounter', ids.encounter(exam.record.id), examVersion),
      ...(weightFromExam
        ? [versionedReference('Observation', ids.observation(exam.record.id, 'body-weight'), examVersion)]
        : []),
    ],
    reasonReference: [versionedReference('Condition', ids.indication(exam.record.id), examVersion)],
  };
}

export function medicationRequest(index: ExportIndex, record: RecordView, version: PlanVersion): MedicationRequest {
  const prior = version.amendsVersionId === null ? undefined : index.version(version.amendsVersionId)?.version;
  return {
    resourceType: 'MedicationRequest',
    id: ids.medicationRequest(record.id, version.version),
    // The drug, coded, at the strength of the prepared infusion; the infusions given under
    // this order contain the same Medication, with their lot.
    ...planMedication(index, version),
    identifier: [{ system: ledgerSystems.recordVersion, value: String(version.id) }],
    ...statusOf(index, record, version),
    intent: 'order',
    subject: patientReference(index, record.patientId),
    ...examLinks(index, version),
    authoredOn: fhirInstant(version.signedAt ?? version.updatedAt),
    requester: practitionerReference(index, version.authorUserId),
    note: planNotes(version),
    dosageInstruction: [dosageOf(version)],
    priorPrescription:
      prior === undefined || prior.status !== 'signed'
        ? undefined
        : reference('MedicationRequest', ids.medicationRequest(record.id, prior.version)),
  };
}

/** One MedicationRequest per signed plan version; drafts are not orders and are left out. */
export const medicationRequestMapper: FhirMapper = {
  name: 'medication-request',
  scope: 'patient',
  types: ['MedicationRequest'],
  map({ index }) {
    return index.snapshot.records.flatMap((record) =>
      index
        .signedVersions(record)
        .flatMap((version) => (version.recordType === 'plan' ? [medicationRequest(index, record, version)] : [])),
    );
  },
};
