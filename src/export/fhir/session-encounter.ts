import type { SessionView } from '../../domain/session-view';
import { effectiveEntries } from '../../domain/session-state';
import type { ExportIndex } from '../snapshot-index';
import { coding, concept, ledgerSystems, systems } from './code-systems';
import type { Encounter } from './exam-version';
import { fhirInstant } from './instant';
import { ids } from './ids';
import { organizationReference, patientReference, practitionerReference } from './references';

const closedStatuses: readonly SessionView['status'][] = ['Discharged', 'Signed', 'Amended after signing'];

/**
 * The chairside visit of one infusion session. It begins with the pre-infusion checklist and
 * ends at discharge; until the patient is discharged it is "in-progress". Everyone who
 * charted in it is a participant, the nurse who opened it as primary performer.
 */
export function sessionEncounter(index: ExportIndex, session: SessionView): Encounter {
  const standing = effectiveEntries(session.entries);
  const opened = standing.find((entry) => entry.kind === 'checklist') ?? standing[0];
  const discharge = standing.find((entry) => entry.kind === 'discharge');
  const closed = closedStatuses.includes(session.status);
  const chartedBy = [...new Set(standing.map((entry) => entry.userId))].filter((userId) => userId !== opened?.userId);
  return {
    resourceType: 'Encounter',
    id: ids.sessionEncounter(session.id),
    // No meta.versionId: a session grows entry by entry; its entries carry the versions.
    meta: {},
    identifier: [{ system: ledgerSystems.session, value: String(session.id) }],
    status: closed ? 'finished' : 'in-progress',
    class: coding(systems.actCode, 'AMB', 'ambulatory'),
    type: [
      {
        text: `Infusion session, infusion ${session.seriesNumber}${
          session.seriesTotal === null ? '' : ` of ${session.seriesTotal}`
        }`,
      },
    ],
    subject: patientReference(index, session.patientId),
    participant: [
      ...(opened === undefined
        ? []
        : [
            {
              type: [concept(systems.participationType, 'PPRF', 'primary performer')],
              individual: practitionerReference(index, opened.userId),
            },
          ]),
      ...chartedBy.map((userId) => ({
        type: [concept(systems.participationType, 'PART', 'Participation')],
        individual: practitionerReference(index, userId),
      })),
    ],
    period:
      opened === undefined
        ? undefined
        : {
            start: fhirInstant(opened.occurredAt),
            end: closed && discharge !== undefined ? fhirInstant(discharge.occurredAt) : undefined,
          },
    serviceProvider: organizationReference(index),
  };
}
