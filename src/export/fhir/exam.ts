import type { RecordView } from '../../domain/record-view';
import type { ExamVersion, ExportIndex } from '../snapshot-index';
import type { FhirResource } from './datatypes';
import { examVersionResources } from './exam-version';
import { resourceKey } from './ids';
import { serializeFhirJson } from './json';
import type { FhirMapper } from './mapper';
import type { Observation } from './observation';

export interface ExamVersionResources {
  version: ExamVersion;
  resources: FhirResource[];
}

const isObservation = (resource: FhirResource): resource is Observation => resource.resourceType === 'Observation';

/**
 * What an observation asserts, without the bookkeeping that differs between versions (meta,
 * status, and who signed: an amendment by a colleague does not change a blood pressure).
 */
function assertion(resource: Observation): string {
  const { code, valueQuantity, component, effectiveDateTime, method, note, valueCodeableConcept } = resource;
  return serializeFhirJson({ code, valueQuantity, component, effectiveDateTime, method, note, valueCodeableConcept });
}

/**
 * An amended exam is one visit documented more than once. FHIR's way to correct an event
 * resource is a new version of the same resource, not a second resource: so Encounter,
 * Condition and Observations keep one id per exam and take the exam version as
 * meta.versionId. An observation whose value changed after the first signed version is
 * "amended"; one that an amendment removed is kept as "entered-in-error" so a reader who
 * loaded the earlier export learns it was withdrawn. Unchanged values stay "final".
 */
export function examHistory(index: ExportIndex, record: RecordView): ExamVersionResources[] {
  const history: ExamVersionResources[] = [];
  const seen = new Map<string, { assertions: Set<string>; latest: Observation }>();
  for (const version of index.signedVersions(record)) {
    if (version.recordType !== 'exam') continue;
    const resources = examVersionResources(index, record, version);
    const present = new Set(resources.map(resourceKey));
    for (const resource of resources) {
      if (!isObservation(resource)) continue;
      const key = resourceKey(resource);
      const assertions = new Set([...(seen.get(key)?.assertions ?? []), assertion(resource)]);
      // Changed at any point since first signed, even if changed back: it was amended.
      if (assertions.size > 1) resource.status = 'amended';
      seen.set(key, { assertions, latest: resource });
    }
    const withdrawn: Observation[] = [];
    for (const [key, earlier] of seen) {
      if (present.has(key)) continue;
      // Withdrawal is a change too: should the value come back later, it is "amended".
      earlier.assertions.add('withdrawn');
      withdrawn.push({
        ...earlier.latest,
        meta: resources[0]?.meta ?? earlier.latest.meta,
        status: 'entered-in-error',
        note: [
          ...(earlier.latest.note ?? []),
          { text: `Withdrawn by the amendment signed as version ${version.version}.` },
        ],
      });
    }
    history.push({ version, resources: [...resources, ...withdrawn] });
  }
  return history;
}

/** The current state of every signed exam: its latest signed version. */
export const examMapper: FhirMapper = {
  name: 'exam',
  scope: 'patient',
  types: ['Encounter', 'Condition', 'Observation', 'MedicationStatement', 'Procedure'],
  map({ index }) {
    return index.snapshot.records
      .filter((record) => record.type === 'exam')
      .flatMap((record) => examHistory(index, record).at(-1)?.resources ?? []);
  },
};
