import type { ExportSnapshot } from '../snapshot';
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
  for (const mapper of mappers) {
    for (const resource of mapper.map({ index, produced })) {
      const key = resourceKey(resource);
      if (produced.has(key)) throw new Error(`FHIR mapper "${mapper.name}" produced ${key} twice`);
      produced.set(key, resource);
    }
  }
  return [...produced.values()];
}
