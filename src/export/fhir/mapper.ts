import type { ExportIndex } from '../snapshot-index';
import type { FhirResource } from './datatypes';

/** Whether a resource ("Type/id") exists to point at: made by a mapper before this one. */
export interface ProducedKeys {
  has(key: string): boolean;
}

/** What a mapper sees: the indexed snapshot (or one patient's part of it) and what exists so far. */
export interface FhirMapContext {
  index: ExportIndex;
  /**
   * Resources produced so far that this mapper may point at: the clinic's own (organization,
   * practitioners, the register's containers) and, for a patient's mapper, what the mappers
   * before it made for the same patient. Later mappers link only to what exists.
   */
  produced: ProducedKeys;
}

/**
 * One family of FHIR resources made from the snapshot. Mappers run in registry order
 * (`defaultFhirMappers`), each returning its resources in a stable order; that order, the
 * clinic's mappers first and then each patient in turn, is the order of the Bundle and of each
 * NDJSON file.
 */
export interface FhirMapper {
  readonly name: string;
  /**
   * 'clinic': runs once, on the whole snapshot (users, the register). 'patient': runs on one
   * patient's part at a time (their records, sessions, consents and PDFs), so that a decade's
   * resources are never held together; nothing it makes may point at another patient's.
   */
  readonly scope: 'clinic' | 'patient';
  /** Every resource type it may produce, in the order their NDJSON files are written. */
  readonly types: readonly string[];
  map(context: FhirMapContext): FhirResource[];
  /**
   * The same resources one at a time, for a family too big to hold (the AuditEvents of a decade):
   * the trailing mappers that stream run after every patient, with `produced` holding what the
   * clinic's mappers made and every patient resource of a type in `references`. Nothing may point
   * at streamed resources, and their ids must be unique by construction (they are not checked).
   */
  stream?: {
    references: readonly string[];
    resources(context: FhirMapContext): Iterable<FhirResource>;
  };
}
