import * as auditLog from './schema/audit-log';
import * as backups from './schema/backups';
import * as clinic from './schema/clinic';
import * as consents from './schema/consents';
import * as devices from './schema/devices';
import * as formulary from './schema/formulary';
import * as ledgerMeta from './schema/ledger-meta';
import * as patients from './schema/patients';
import * as records from './schema/records';
import * as register from './schema/register';
import * as sessionConfiguration from './schema/session-configuration';
import * as sessions from './schema/sessions';
import * as signing from './schema/signing';
import * as users from './schema/users';

/**
 * Instants are ISO-8601 UTC strings ("2026-11-23T19:05:00.000Z"); calendar dates are
 * "yyyy-MM-dd". Both sort correctly as text.
 */

/**
 * Every table, one aggregate a file under `schema/`, assembled into the one object that
 * `drizzle()` takes (repositories import their tables from the aggregate's file).
 */
export const schema = {
  ...clinic,
  ...users,
  ...patients,
  ...auditLog,
  ...formulary,
  ...sessionConfiguration,
  ...records,
  ...sessions,
  ...signing,
  ...ledgerMeta,
  ...backups,
  ...devices,
  ...register,
  ...consents,
};
