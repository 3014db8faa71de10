import { allergyMapper } from './allergy';
import { auditEventMapper } from './audit-event';
import { consentMapper } from './consent';
import { consentProvenanceMapper } from './consent-provenance';
import { courseReviewMapper } from './course-review';
import { examMapper } from './exam';
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
 * resources. The clinic's mappers run first, then the patients' in this order for each patient:
 * a new family goes before the Provenance mappers and `auditEventMapper`, so signatures and
 * audit entries can point at what it produced.
 */
export const defaultFhirMappers: readonly FhirMapper[] = [
  organizationMapper,
  practitionerMapper,
  registerMedicationMapper,
  patientMapper,
  allergyMapper,
  examMapper,
  medicationRequestMapper,
  courseReviewMapper,
  sessionMapper,
  consentMapper,
  provenanceMapper,
  sessionProvenanceMapper,
  consentProvenanceMapper,
  auditEventMapper,
];
