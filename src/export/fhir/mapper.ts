import type { ExportIndex } from '../snapshot-index';
import type { FhirResource } from './datatypes';

/** What a mapper sees: the indexed snapshot and what the mappers before it produced. */
export interface FhirMapContext {
  index: ExportIndex;
  /** Resources produced so far, by "Type/id", so later mappers link only to what exists. */
  produced: ReadonlyMap<string, FhirResource>;
}

/**
 * One family of FHIR resources made from the snapshot. Mappers run in registry order
 * (`defaultFhirMappers`), each returning its resources in a stable order; that order is the
 * order of the Bundle and of each NDJSON file.
 */
export interface FhirMapper {
  readonly name: string;
  map(context: FhirMapContext): FhirResource[];
  /**
   * The same resources one at a time, for a family too big to hold (the AuditEvents of a decade):
   * when this mapper and every one after it stream, the export writes their resources as they
   * are made and keeps none. Nothing may reference them (they are not in `produced`), and their
   * ids must be unique by construction, since they are not checked against each other.
   */
  stream?: {
    resourceType: string;
    count(index: ExportIndex): number;
    resources(context: FhirMapContext): Iterable<FhirResource>;
  };
}
