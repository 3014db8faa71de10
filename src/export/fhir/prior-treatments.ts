import type { PriorTreatment } from '../../domain/prior-treatments';
import {
  priorTreatmentKindLabels,
  priorTreatmentOutcomeText,
  priorTreatmentPeriodText,
} from '../../domain/prior-treatments';
import { suicideRiskFlags, suicideRiskFlagText } from '../../domain/suicide-risk';
import type { RecordView } from '../../domain/record-view';
import type { ExamVersion, ExportIndex } from '../snapshot-index';
import { concept, systems } from './code-systems';
import type { Annotation, CodeableConcept, FhirResource, Meta, Period, Reference } from './datatypes';
import { fhirInstant } from './instant';
import { ids, reference } from './ids';
import type { Observation, ObservationBase } from './observation';
import { patientReference, practitionerReference } from './references';

export interface MedicationStatement extends FhirResource {
  resourceType: 'MedicationStatement';
  meta: Meta;
  status: 'active' | 'completed';
  medicationCodeableConcept: CodeableConcept;
  subject: Reference;
  context: Reference;
  effectivePeriod?: Period;
  dateAsserted: string;
  informationSource: Reference;
  dosage?: { text: string }[];
  note?: Annotation[];
}

export interface Procedure extends FhirResource {
  resourceType: 'Procedure';
  meta: Meta;
  status: 'completed';
  category: CodeableConcept;
  code: CodeableConcept;
  subject: Reference;
  encounter: Reference;
  performedPeriod?: Period;
  recorder: Reference;
  outcome: CodeableConcept;
  note?: Annotation[];
}

/**
 * A FHIR Period from two partial dates (FHIR dateTime takes a year or a month as they are).
 * Where one is a year and the other a month within it, FHIRPath cannot say which comes first
 * (per-1 would not hold), so both are given at the precision they share; the note keeps both
 * as recorded.
 */
function periodOf(treatment: PriorTreatment): Period | undefined {
  let start = treatment.from ?? undefined;
  let end = treatment.to ?? undefined;
  if (start === undefined && end === undefined) return undefined;
  if (start !== undefined && end !== undefined && start.length !== end.length) {
    const shared = Math.min(start.length, end.length);
    if (start.slice(0, shared) === end.slice(0, shared)) {
      start = start.slice(0, shared);
      end = end.slice(0, shared);
    }
  }
  return { start, end };
}

function notesOf(treatment: PriorTreatment): Annotation[] {
  return [
    { text: `Outcome: ${priorTreatmentOutcomeText(treatment)}. When: ${priorTreatmentPeriodText(treatment)}.` },
    ...(treatment.note.trim() === '' ? [] : [{ text: treatment.note.trim() }]),
  ];
}

/**
 * The exam's prior treatments: medications as MedicationStatement (active while no end is
 * recorded), procedures and therapies as Procedure. Named after the exam and the row, and
 * versioned with the exam like its other resources.
 */
export function priorTreatmentResources(
  index: ExportIndex,
  record: RecordView,
  version: ExamVersion,
  meta: Meta,
): FhirResource[] {
  const author = practitionerReference(index, version.authorUserId);
  const subject = patientReference(index, record.patientId);
  const encounter = reference('Encounter', ids.encounter(record.id));
  return (version.content.priorTreatments ?? []).map((treatment, row): MedicationStatement | Procedure => {
    const id = ids.observation(record.id, `prior-treatment-${row + 1}`);
    const name = treatment.name.trim();
    if (treatment.kind === 'medication') {
      return {
        resourceType: 'MedicationStatement',
        id,
        meta,
        status: treatment.to === null ? 'active' : 'completed',
        medicationCodeableConcept: { text: name },
        subject,
        context: encounter,
        effectivePeriod: periodOf(treatment),
        dateAsserted: fhirInstant(version.signedAt ?? version.updatedAt),
        informationSource: author,
        dosage: treatment.details.trim() === '' ? undefined : [{ text: treatment.details.trim() }],
        note: notesOf(treatment),
      };
    }
    return {
      resourceType: 'Procedure',
      id,
      meta,
      status: 'completed',
      category: { text: priorTreatmentKindLabels[treatment.kind] },
      code: { text: treatment.details.trim() === '' ? name : `${name} (${treatment.details.trim()})` },
      subject,
      encounter,
      performedPeriod: periodOf(treatment),
      recorder: author,
      outcome: { text: priorTreatmentOutcomeText(treatment) },
      note: notesOf(treatment),
    };
  });
}

/**
 * A suicide risk flagged at the exam, as an Observation of the exam: the reasons in words as
 * its value, what the physician wrote was done as its note. None when nothing was flagged.
 */
export function suicideRiskObservation(base: (kind: string) => ObservationBase, version: ExamVersion): Observation[] {
  const flags = suicideRiskFlags(version.content);
  if (flags.length === 0) return [];
  const observationBase = base('suicide-risk');
  const done = version.content.riskAcknowledgement?.actionTaken.trim() ?? '';
  return [
    {
      resourceType: 'Observation',
      id: observationBase.id,
      meta: observationBase.meta,
      status: 'final',
      category: [concept(systems.observationCategory, 'survey', 'Survey')],
      code: { text: 'Suicide risk flagged at the pre-infusion assessment' },
      subject: observationBase.subject,
      encounter: observationBase.encounter,
      effectiveDateTime: observationBase.effectiveDateTime,
      performer: [observationBase.performer],
      valueCodeableConcept: { text: suicideRiskFlagText(flags) },
      note: [{ text: `What was done: ${done === '' ? 'Not recorded' : done}` }],
    },
  ];
}
