import type { JsonValue } from '../domain/canonical-json';
import { weightRangeIssues } from '../domain/weight-check';
import { getClinic, updateClinic } from '../db/clinic-repo';
import { rowAuditFields } from '../db/row-state';
import { sessionConfigurationHandlers } from './session-configuration';
import type { Handlers } from './context';
import { requireClinic } from './context';
import { ServiceError } from './service-error';
import { changedBy, changesOf, refuseStaleSave } from './stale-save';

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

/** The settings' names as the settings form labels them, for a refusal that says what changed. */
const settingWords: Readonly<Record<string, string>> = {
  name: 'clinic name',
  address: 'address',
  timeZone: 'time zone',
  autoLockMinutes: 'auto-lock minutes',
  weightChangePercent: 'weight change (%)',
  weightChangeDays: 'weight change period (days)',
  weightPlausibleMinKg: 'lowest plausible weight (kg)',
  weightPlausibleMaxKg: 'highest plausible weight (kg)',
};

function changedKeys(changes: JsonValue | undefined): string[] {
  return changes !== null && typeof changes === 'object' && !Array.isArray(changes) ? Object.keys(changes) : [];
}

export const clinicHandlers: Handlers<
  'clinic.get' | 'clinic.update' | 'clinic.sessionConfiguration.get' | 'clinic.sessionConfiguration.update'
> = {
  ...sessionConfigurationHandlers,
  'clinic.get': (context) => requireClinic(context),
  'clinic.update': (context, { expectedUpdatedAt, ...input }) => {
    const before = requireClinic(context);
    if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== before.updatedAt) {
      const saves = changesOf(context, { type: 'clinic', id: 1 }, ['clinic.updated'], expectedUpdatedAt);
      const last = saves[0];
      const fields = [...new Set(saves.flatMap((save) => changedKeys(save.details.changes)))];
      refuseStaleSave(context, {
        what: 'the clinic settings',
        by:
          last === undefined
            ? 'someone'
            : changedBy(context, { actorUserId: last.actorUserId, device: last.details.device }),
        at: before.updatedAt,
        changed: fields.map((field) => settingWords[field] ?? field),
        paths: fields,
      });
    }
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
