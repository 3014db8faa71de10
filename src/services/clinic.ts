import type { JsonValue } from '../domain/canonical-json';
import { getClinic, updateClinic } from '../db/clinic-repo';
import { sessionConfigurationHandlers } from './session-configuration';
import type { Handlers } from './context';
import { requireClinic } from './context';

export const clinicHandlers: Handlers<
  'clinic.get' | 'clinic.update' | 'clinic.sessionConfiguration.get' | 'clinic.sessionConfiguration.update'
> = {
  ...sessionConfigurationHandlers,
  'clinic.get': (context) => requireClinic(context),
  'clinic.update': (context, input) => {
    const before = requireClinic(context);
    updateClinic(context.ledger.db, input, context.nowIso);
    const after = requireClinic({ ...context, clinic: getClinic(context.ledger.db) });
    const changes: Record<string, JsonValue> = {};
    for (const key of ['name', 'address', 'timeZone', 'autoLockMinutes'] as const) {
      if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
    }
    context.audit('clinic.updated', 'clinic', 1, { changes });
    context.clinic = after;
    return after;
  },
};
