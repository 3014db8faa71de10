import type { FhirDecimal } from './json';

/**
 * The FHIR R4 data types the export writes, typed only as far as it uses them. Optional
 * members may be `undefined` or empty: `serializeFhirJson` leaves those out, as FHIR requires.
 */
export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Reference {
  /** "Patient/patient-12", or a version-specific "Observation/exam-3-heart-rate/_history/1". */
  reference?: string;
  identifier?: Identifier;
  display?: string;
}

export interface Identifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  type?: CodeableConcept;
  system?: string;
  value?: string;
  assigner?: Reference;
}

export interface Quantity {
  value: FhirDecimal | number;
  unit?: string;
  system?: string;
  code?: string;
}

/** A ratio of two quantities, e.g. a strength: 43.44 mg per 100.87 mL. */
export interface Ratio {
  numerator: Quantity;
  denominator: Quantity;
}

export interface Period {
  start?: string;
  end?: string;
}

/** R4 Attachment: `hash` is the base64 SHA-1 of the data, as R4 defines it. */
export interface Attachment {
  contentType?: string;
  url?: string;
  size?: number;
  hash?: string;
  title?: string;
  creation?: string;
}

export interface Annotation {
  text: string;
  time?: string;
  authorReference?: Reference;
}

export interface Extension {
  url: string;
  valueString?: string;
  valueInteger?: number;
  valueQuantity?: Quantity;
}

export interface Meta {
  versionId?: string;
  lastUpdated?: string;
}

export interface HumanName {
  use?: 'usual' | 'official' | 'temp' | 'nickname' | 'anonymous' | 'old' | 'maiden';
  text?: string;
  family?: string;
  given?: string[];
}

export interface ContactPoint {
  system?: 'phone' | 'fax' | 'email' | 'pager' | 'url' | 'sms' | 'other';
  value?: string;
  use?: 'home' | 'work' | 'temp' | 'old' | 'mobile';
}

export interface Address {
  text?: string;
}

/** What every resource the export writes has in common. */
export interface FhirResource {
  resourceType: string;
  id: string;
  meta?: Meta;
}
