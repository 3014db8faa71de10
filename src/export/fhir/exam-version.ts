import type { Scales } from '../../domain/scales';
import { scaleTotal } from '../../domain/scales';
import type { Vitals } from '../../domain/vitals';
import { formatQuantity } from '../../domain/quantity';
import { kgPerLb, weightKg } from '../../domain/weight';
import type { ExamComputed, RecordView } from '../../domain/record-view';
import type { ExamVersion, ExportIndex } from '../snapshot-index';
import { coding, concept, ledgerSystems, systems } from './code-systems';
import type { CodeableConcept, Coding, FhirResource, Identifier, Meta, Period, Reference } from './datatypes';
import { fhirInstant } from './instant';
import { fhirDecimal } from './json';
import { ids, reference } from './ids';
import { bloodPressureCodes, scaleCodes, vitalCodes } from './loinc';
import type { Observation, ObservationBase } from './observation';
import { pretreatmentObservations } from './pretreatment-observations';
import { codeOf, observation, ucumQuantity } from './observation';
import { priorTreatmentResources, suicideRiskObservation } from './prior-treatments';
import { organizationReference, patientReference, practitionerReference } from './references';

export interface Encounter extends FhirResource {
  resourceType: 'Encounter';
  meta: Meta;
  identifier: Identifier[];
  status: 'finished' | 'in-progress';
  class: Coding;
  type: CodeableConcept[];
  subject: Reference;
  /** `period`: when a participant took part (an infusion's supervising physicians, between handovers). */
  participant: { type: CodeableConcept[]; individual: Reference; period?: Period }[];
  period?: Period;
  reasonReference?: Reference[];
  serviceProvider: Reference;
}

export interface Condition extends FhirResource {
  resourceType: 'Condition';
  meta: Meta;
  clinicalStatus: CodeableConcept;
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  encounter: Reference;
  recordedDate: string;
  recorder: Reference;
}

function encounter(index: ExportIndex, record: RecordView, version: ExamVersion, meta: Meta): Encounter {
  const examDate = version.content.examDate ?? undefined;
  return {
    resourceType: 'Encounter',
    id: ids.encounter(record.id),
    meta,
    identifier: [{ system: ledgerSystems.record, value: `exam-${record.id}` }],
    status: 'finished',
    class: coding(systems.actCode, 'AMB', 'ambulatory'),
    type: [{ text: 'Pre-infusion assessment' }],
    subject: patientReference(index, record.patientId),
    participant: [
      {
        type: [concept(systems.participationType, 'PPRF', 'primary performer')],
        individual: practitionerReference(index, version.authorUserId),
      },
    ],
    period: examDate === undefined ? undefined : { start: examDate, end: examDate },
    reasonReference: [reference('Condition', ids.indication(record.id), version.content.indication.text)],
    serviceProvider: organizationReference(index),
  };
}

/**
 * The indication as an encounter diagnosis. ICD-10 codes typed in the app are ICD-10-CM
 * codes (the offered list uses CM-only codes such as M54.50); no display is added because
 * the text is what the physician wrote, not the code system's wording.
 */
function indication(index: ExportIndex, record: RecordView, version: ExamVersion, meta: Meta): Condition {
  const { text, icd10 } = version.content.indication;
  return {
    resourceType: 'Condition',
    id: ids.indication(record.id),
    meta,
    clinicalStatus: concept(systems.conditionClinical, 'active', 'Active'),
    category: [concept(systems.conditionCategory, 'encounter-diagnosis', 'Encounter Diagnosis')],
    code: { coding: icd10 === '' ? undefined : [coding(systems.icd10cm, icd10)], text },
    subject: patientReference(index, record.patientId),
    encounter: reference('Encounter', ids.encounter(record.id)),
    recordedDate: fhirInstant(version.signedAt ?? version.updatedAt),
    recorder: practitionerReference(index, version.authorUserId),
  };
}

/** Vital signs as the R4 vital signs profile shapes them; exams and sessions chart the same set. */
export function vitalObservations(base: (kind: string) => ObservationBase, vitals: Vitals): Observation[] {
  const observations: Observation[] = [];
  const whole = (value: number | null, code: (typeof vitalCodes)[keyof typeof vitalCodes]) => {
    if (value !== null && code.unit !== undefined) {
      observations.push(observation(base(code.kind), code, { valueQuantity: ucumQuantity(value, code.unit) }));
    }
  };
  if (vitals.systolicMmHg !== null || vitals.diastolicMmHg !== null) {
    const component = (value: number | null, code: { codings: readonly Coding[]; text: string }) =>
      value === null ? [] : [{ code: codeOf(code), valueQuantity: ucumQuantity(value, bloodPressureCodes.unit) }];
    observations.push(
      observation(base(bloodPressureCodes.panel.kind), bloodPressureCodes.panel, {
        component: [
          ...component(vitals.systolicMmHg, bloodPressureCodes.systolic),
          ...component(vitals.diastolicMmHg, bloodPressureCodes.diastolic),
        ],
      }),
    );
  }
  whole(vitals.heartRateBpm, vitalCodes.heartRate);
  whole(vitals.spo2Percent, vitalCodes.oxygenSaturation);
  whole(vitals.respiratoryRatePerMin, vitalCodes.respiratoryRate);
  if (vitals.temperatureC !== null) {
    const code = vitalCodes.bodyTemperature;
    observations.push(
      observation(base(code.kind), code, { valueQuantity: ucumQuantity(fhirDecimal(vitals.temperatureC), code.unit) }),
    );
  }
  return observations;
}

/**
 * Weight in kilograms, exactly: a weight typed in pounds is converted with the defined
 * 0.45359237 kg/lb and not rounded, the same figure every dose calculation used. The note
 * keeps what was typed.
 */
function weightObservation(base: (kind: string) => ObservationBase, version: ExamVersion): Observation[] {
  const weight = version.content.weight;
  if (weight === null) return [];
  const code = vitalCodes.bodyWeight;
  const entered =
    weight.unit === 'lb'
      ? `Entered as ${formatQuantity(weight.value, 'lb')}; converted exactly at ${kgPerLb} kg per lb.`
      : undefined;
  return [
    observation({ ...base(code.kind), effectiveDateTime: weight.measuredOn }, code, {
      valueQuantity: ucumQuantity(fhirDecimal(weightKg(weight)), code.unit),
      method: { text: weight.source === 'measured' ? 'Measured' : 'Stated by the patient' },
      note: entered === undefined ? undefined : [{ text: entered }],
    }),
  ];
}

function heightObservation(base: (kind: string) => ObservationBase, version: ExamVersion): Observation[] {
  const height = version.content.heightCm;
  if (height === null) return [];
  const code = vitalCodes.bodyHeight;
  return [observation(base(code.kind), code, { valueQuantity: ucumQuantity(fhirDecimal(height), code.unit) })];
}

/** Totals as the app computed and signed them; a partly answered scale has no total. */
export function scaleObservations(
  base: (kind: string) => ObservationBase,
  scales: Scales,
  totals: ExamComputed['scaleTotals'] | undefined,
): Observation[] {
  const entries = [
    [scaleCodes.phq9, totals?.phq9 ?? scaleTotal(scales.phq9)],
    [scaleCodes.gad7, totals?.gad7 ?? scaleTotal(scales.gad7)],
    [scaleCodes.pcl5, totals?.pcl5 ?? scaleTotal(scales.pcl5)],
    [scaleCodes.painNrs, scales.painNrs],
  ] as const;
  return entries.flatMap(([code, total]) =>
    total === null ? [] : [observation(base(code.kind), code, { valueQuantity: ucumQuantity(total, code.unit) })],
  );
}

/**
 * Everything one signed exam version says, as FHIR: the visit, the indication and the
 * observations. Every resource carries the exam version number as its meta.versionId, so
 * a signature can point at exactly the version it vouches for.
 */
export function examVersionResources(index: ExportIndex, record: RecordView, version: ExamVersion): FhirResource[] {
  const meta: Meta = {
    versionId: String(version.version),
    lastUpdated: fhirInstant(version.signedAt ?? version.updatedAt),
  };
  const base = (kind: string): ObservationBase => ({
    id: ids.observation(record.id, kind),
    meta,
    subject: patientReference(index, record.patientId),
    encounter: reference('Encounter', ids.encounter(record.id)),
    effectiveDateTime: version.content.examDate ?? undefined,
    performer: practitionerReference(index, version.authorUserId),
  });
  return [
    encounter(index, record, version, meta),
    indication(index, record, version, meta),
    ...vitalObservations(base, version.content.vitals),
    ...weightObservation(base, version),
    ...heightObservation(base, version),
    ...scaleObservations(base, version.content.scales, version.computed?.scaleTotals),
    ...pretreatmentObservations(index, base, version.content.pretreatment),
    ...suicideRiskObservation(base, version),
    ...priorTreatmentResources(index, record, version, meta),
  ];
}
