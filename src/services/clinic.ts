import type { JsonValue } from '../domain/canonical-json';
import { weightRangeIssues } from '../domain/weight-check';
import { getClinic, updateClinic } from '../db/clinic-repo';
import { rowAuditFields } from '../db/row-state';
import { sessionConfigurationHandlers } from './session-configuration';
import type { Handlers } from './context';
import { requireClinic } from './context';
import { ServiceError } from './service-error';

const auditedSettings = [
  'name',
  'address',
  'timeZone',
  'autoLockMinutes',
  'weightChangePercent',
  'weightChangeDays',
  'weightPlausibleMinKg',
  'weightPlausibleMaxKg',
] as const;

export const clinicHandlers: Handlers<
  'clinic.get' | 'clinic.update' | 'clinic.sessionConfiguration.get' | 'clinic.sessionConfiguration.update'
> = {
  ...sessionConfigurationHandlers,
  'clinic.get': (context) => requireClinic(context),
  'clinic.update': (context, input) => {
    const before = requireClinic(context);
    // Checked against the stored values too: an update may send only one end of the range.
    const issues = weightRangeIssues({ ...before, ...input });
    if (issues.length > 0) {
      throw new ServiceError('INVALID_INPUT', issues.map((issue) => issue.message).join('; '), issues);
    }
    updateClinic(context.ledger.db, input, context.nowIso);
    const after = requireClinic({ ...context, clinic: getClinic(context.ledger.db) });
    const changes: Record<string, JsonValue> = {};
    for (const key of auditedSettings) {
      if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
    }
    context.audit('clinic.updated', 'clinic', 1, { changes, ...rowAuditFields(context.ledger.raw, 'clinic', 1) });
    context.clinic = after;
    return after;
  },
};
