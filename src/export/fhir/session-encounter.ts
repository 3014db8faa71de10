import type { SessionView } from '../../domain/session-view';
import { effectiveEntries } from '../../domain/session-state';
import { supervisionTimeline } from '../../domain/session-supervision';
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
 * charted in it is a participant, the nurse who opened it as primary performer; each physician
 * who supervised it an attender, for the time they did (none for sessions from before that).
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
      // The physician on site or immediately available, from the start and each handover.
      ...supervisionTimeline(session.entries).map((period) => ({
        type: [concept(systems.participationType, 'ATND', 'attender')],
        individual: practitionerReference(index, period.physicianUserId),
        period: {
          start: fhirInstant(period.fromAt),
          end: period.untilAt === null ? undefined : fhirInstant(period.untilAt),
        },
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
