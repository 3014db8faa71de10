import type { FhirDecimal } from './json';
import { concept, systems } from './code-systems';
import type { Annotation, CodeableConcept, FhirResource, Meta, Quantity, Reference } from './datatypes';
import type { ObservationCode } from './loinc';

/** "corrected" (a kind of "amended") is a session entry corrected by a later entry. */
export type ObservationStatus = 'final' | 'amended' | 'corrected' | 'entered-in-error';

export interface Observation extends FhirResource {
  resourceType: 'Observation';
  meta: Meta;
  status: ObservationStatus;
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  encounter: Reference;
  effectiveDateTime?: string;
  /** When it was recorded, where that differs from when it was observed (session entries). */
  issued?: string;
  performer: Reference[];
  valueQuantity?: Quantity;
  valueCodeableConcept?: CodeableConcept;
  method?: CodeableConcept;
  note?: Annotation[];
  component?: { code: CodeableConcept; valueQuantity: Quantity }[];
}

const categories = {
  'vital-signs': concept(systems.observationCategory, 'vital-signs', 'Vital Signs'),
  survey: concept(systems.observationCategory, 'survey', 'Survey'),
} as const;

export function codeOf(code: Pick<ObservationCode, 'codings' | 'text'>): CodeableConcept {
  return { coding: [...code.codings], text: code.text };
}

/** A UCUM quantity; the value is a whole number or an exact decimal, never a float. */
export function ucumQuantity(value: number | FhirDecimal, unit: { code: string; display: string }): Quantity {
  return { value, unit: unit.display, system: systems.ucum, code: unit.code };
}

export interface ObservationBase {
  id: string;
  meta: Meta;
  subject: Reference;
  encounter: Reference;
  effectiveDateTime: string | undefined;
  issued?: string;
  performer: Reference;
}

/** An exam observation; its status is settled later, against the exam's earlier versions. */
export function observation(
  base: ObservationBase,
  code: ObservationCode,
  value: Pick<Observation, 'valueQuantity' | 'valueCodeableConcept' | 'component' | 'method' | 'note'>,
): Observation {
  return {
    resourceType: 'Observation',
    id: base.id,
    meta: base.meta,
    status: 'final',
    category: [categories[code.category]],
    code: codeOf(code),
    subject: base.subject,
    encounter: base.encounter,
    effectiveDateTime: base.effectiveDateTime,
    issued: base.issued,
    performer: [base.performer],
    ...value,
  };
}
