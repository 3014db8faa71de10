import type { AdverseEvent as ChartedAdverseEvent } from '../../domain/infusion-session';
import type { SessionView } from '../../domain/session-view';
import { formatDateTime } from '../../domain/time';
import type { ExportIndex } from '../snapshot-index';
import { entryChains } from '../session-history';
import { concept, ledgerSystems, systems } from './code-systems';
import type { CodeableConcept, Extension, FhirResource, Identifier, Meta, Reference } from './datatypes';
import { fhirInstant } from './instant';
import { ids, reference } from './ids';
import { patientReference, practitionerReference } from './references';
import { severityLabels } from '../../domain/infusion-session';

export interface AdverseEvent extends FhirResource {
  resourceType: 'AdverseEvent';
  meta: Meta;
  extension?: Extension[];
  identifier: Identifier;
  actuality: 'actual';
  event: CodeableConcept;
  subject: Reference;
  encounter: Reference;
  date: string;
  recordedDate: string;
  seriousness?: CodeableConcept;
  severity: CodeableConcept;
  recorder: Reference;
}

/**
 * R4 binds AdverseEvent.severity (required) to mild | moderate | severe. A life-threatening
 * event is "severe" there, and "Serious" in seriousness, so the grade the nurse chose is still
 * told apart; its exact word is also in the severity text.
 */
const severityCodes: Record<ChartedAdverseEvent['severity'], 'mild' | 'moderate' | 'severe'> = {
  mild: 'mild',
  moderate: 'moderate',
  severe: 'severe',
  'life-threatening': 'severe',
};

const displays = { mild: 'Mild', moderate: 'Moderate', severe: 'Severe' } as const;

function details(index: ExportIndex, content: ChartedAdverseEvent): Extension[] {
  const notified = content.physicianNotified;
  const notifiedText =
    notified === null
      ? ''
      : `${notified.name}${notified.at === null ? '' : ` at ${formatDateTime(notified.at, index.snapshot.clinic.timeZone)}`}`;
  return [
    { url: ledgerSystems.adverseEventAction, valueString: content.action },
    { url: ledgerSystems.adverseEventRescueMedication, valueString: content.rescueMedication },
    { url: ledgerSystems.adverseEventOutcome, valueString: content.outcome },
    { url: ledgerSystems.adverseEventPhysicianNotified, valueString: notifiedText },
  ].filter((extension) => extension.valueString.trim() !== '');
}

/**
 * One AdverseEvent per standing adverse-event entry. R4 AdverseEvent has no note and binds
 * outcome to a coded list that the nurse's free-text outcome cannot be fitted into without
 * guessing, so the action taken, rescue medication, outcome and physician notified travel as
 * Dosing Ledger extensions (valueString, exactly as charted). No suspectEntity: the nurse
 * charts what happened, not a causality assessment, and the export must not add one.
 * A corrected entry is a new version of the same AdverseEvent (meta.versionId).
 */
export function sessionAdverseEvents(index: ExportIndex, session: SessionView): AdverseEvent[] {
  return entryChains(session, 'adverse-event').map(({ entry, rootId, version }) => {
    const { content } = entry;
    const severity = severityCodes[content.severity];
    return {
      resourceType: 'AdverseEvent',
      id: ids.adverseEvent(session.id, rootId),
      meta: { versionId: String(version), lastUpdated: fhirInstant(entry.recordedAt) },
      extension: details(index, content),
      identifier: { system: ledgerSystems.sessionEntry, value: String(entry.id) },
      actuality: 'actual',
      event: { text: content.type },
      subject: patientReference(index, session.patientId),
      encounter: reference('Encounter', ids.sessionEncounter(session.id)),
      date: fhirInstant(content.onsetAt),
      recordedDate: fhirInstant(entry.recordedAt),
      seriousness:
        content.severity === 'life-threatening'
          ? concept(systems.adverseEventSeriousness, 'Serious', 'Serious')
          : undefined,
      severity: concept(systems.adverseEventSeverity, severity, displays[severity], severityLabels[content.severity]),
      recorder: practitionerReference(index, entry.userId),
    };
  });
}
