import type { FhirMapper } from './mapper';
import { sessionAdverseEvents } from './adverse-event';
import { sessionAdministrations } from './medication-administration';
import { sessionEncounter } from './session-encounter';
import { sessionObservations } from './session-observations';

/**
 * Each infusion session: the visit (Encounter), the infusion and its stretches at one rate
 * (MedicationAdministration), the baseline, timed and discharge observations, and adverse
 * events. Only standing entries are current facts; see the modules for how corrections show.
 * Runs after the MedicationRequest mapper so the infusion can point at its order.
 */
export const sessionMapper: FhirMapper = {
  name: 'session',
  scope: 'patient',
  types: ['Encounter', 'Observation', 'MedicationAdministration', 'AdverseEvent'],
  map(context) {
    const { index } = context;
    return index.snapshot.sessions.flatMap((session) => [
      sessionEncounter(index, session),
      ...sessionAdministrations(context, session),
      ...sessionObservations(index, session),
      ...sessionAdverseEvents(index, session),
    ]);
  },
};
