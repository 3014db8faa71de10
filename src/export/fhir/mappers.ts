import type { ExportSnapshot } from '../snapshot';
import type { ExportIndex } from '../snapshot-index';
import { indexSnapshot } from '../snapshot-index';
import { allergyMapper } from './allergy';
import { auditEventMapper } from './audit-event';
import { consentMapper } from './consent';
import { consentProvenanceMapper } from './consent-provenance';
import { courseReviewMapper } from './course-review';
import type { FhirResource } from './datatypes';
import { examMapper } from './exam';
import { resourceKey } from './ids';
import type { FhirMapper } from './mapper';
import { medicationRequestMapper } from './medication-request';
import { organizationMapper } from './organization';
import { patientMapper } from './patient';
import { practitionerMapper } from './practitioner';
import { provenanceMapper } from './provenance';
import { registerMedicationMapper } from './register-medication';
import { sessionMapper } from './session';
import { sessionProvenanceMapper } from './session-provenance';

/**
 * The extension point of the FHIR export: each mapper turns part of the snapshot into
 * resources. A new family goes before the Provenance mappers and `auditEventMapper`, so
 * signatures and audit entries can point at what it produced.
 */
export const defaultFhirMappers: readonly FhirMapper[] = [
  organizationMapper,
  practitionerMapper,
  patientMapper,
  allergyMapper,
  examMapper,
  medicationRequestMapper,
  courseReviewMapper,
  registerMedicationMapper,
  sessionMapper,
  consentMapper,
  provenanceMapper,
  sessionProvenanceMapper,
  consentProvenanceMapper,
  auditEventMapper,
];

/** All resources of the export, in registry order; ids must be unique per type. */
export function buildFhirResources(
  snapshot: ExportSnapshot,
  mappers: readonly FhirMapper[] = defaultFhirMappers,
): FhirResource[] {
  const index = indexSnapshot(snapshot);
  const produced = new Map<string, FhirResource>();
  produceInto(produced, index, mappers);
  return [...produced.values()];
}

function produceInto(produced: Map<string, FhirResource>, index: ExportIndex, mappers: readonly FhirMapper[]): void {
  for (const mapper of mappers) {
    for (const resource of mapper.map({ index, produced })) {
      const key = resourceKey(resource);
      if (produced.has(key)) throw new Error(`FHIR mapper "${mapper.name}" produced ${key} twice`);
      produced.set(key, resource);
    }
  }
}

/** A family of resources made one at a time as they are written (see FhirMapper.stream). */
export interface StreamedFhirFamily {
  resourceType: string;
  count: number;
  resources(): Iterable<FhirResource>;
}

/** The resources held in memory (in registry order) and the streamed families that follow them. */
export interface FhirParts {
  held: FhirResource[];
  streamed: StreamedFhirFamily[];
}

/**
 * The export's resources as `buildFhirResources` gives them, except that the trailing mappers
 * that can stream are not run here: their resources are made when the writer reaches them, in
 * the same order, so the files are the same bytes without a decade's AuditEvents ever held.
 */
export function buildFhirParts(index: ExportIndex, mappers: readonly FhirMapper[] = defaultFhirMappers): FhirParts {
  let split = mappers.length;
  while (split > 0 && mappers[split - 1]?.stream !== undefined) split -= 1;
  const produced = new Map<string, FhirResource>();
  produceInto(produced, index, mappers.slice(0, split));
  const context = { index, produced };
  const streamed = mappers.slice(split).flatMap((mapper): StreamedFhirFamily[] => {
    const stream = mapper.stream;
    if (stream === undefined) return [];
    return [
      {
        resourceType: stream.resourceType,
        count: stream.count(index),
        resources: () => stream.resources(context),
      },
    ];
  });
  return { held: [...produced.values()], streamed };
}
