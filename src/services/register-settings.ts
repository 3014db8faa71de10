import type { RegisterSettings } from '../domain/register';
import { initialRegisterSettings, registerSettingsSchema } from '../domain/register';
import { canonicalJson } from '../domain/canonical-json';
import { keyedRowFields } from '../db/keyed-tables';
import { insertRegisterSettings, latestRegisterSettings } from '../db/register-repo';
import type { ServiceContext } from './context';
import { requireUser } from './context';
import { ServiceError } from './service-error';

interface StoredRegisterSettings {
  /** 0 until an administrator first saves them. */
  version: number;
  settings: RegisterSettings;
}

export function currentRegisterSettings(context: ServiceContext): StoredRegisterSettings {
  const latest = latestRegisterSettings(context.ledger.db);
  if (latest === undefined) return { version: 0, settings: initialRegisterSettings };
  return { version: latest.version, settings: registerSettingsSchema.parse(JSON.parse(latest.content)) };
}

export function saveRegisterSettings(
  context: ServiceContext,
  settings: RegisterSettings,
  expectedVersion: number,
): StoredRegisterSettings {
  const user = requireUser(context);
  const current = currentRegisterSettings(context);
  if (current.version !== expectedVersion) {
    throw new ServiceError(
      'CONFLICT',
      'Someone saved the register settings since you opened them. Reload to see theirs, then make your change again.',
    );
  }
  const version = current.version + 1;
  insertRegisterSettings(context.ledger.db, {
    version,
    content: canonicalJson(settings),
    createdAt: context.nowIso,
    createdBy: user.id,
  });
  context.audit('register.settings-updated', 'register-settings', version, {
    ...keyedRowFields(context.ledger.raw, 'register_settings_versions', version),
    settings,
  });
  return { version, settings };
}

const duties = {
  receipt: { roles: 'receiptRoles', what: 'record receipts' },
  inventory: { roles: 'inventoryRoles', what: 'record inventories' },
  destruction: { roles: 'destructionRoles', what: 'record returns and destruction' },
} as const;

type RegisterDuty = keyof typeof duties;

/** Whether the clinic's register settings give the signed-in user's role this duty. */
export function mayDo(context: ServiceContext, settings: RegisterSettings, duty: RegisterDuty): boolean {
  const allowed: readonly string[] = settings[duties[duty].roles];
  return allowed.includes(requireUser(context).role);
}

/** Refuses a duty the clinic's register settings do not give the signed-in user's role. */
export function requireRegisterDuty(context: ServiceContext, duty: RegisterDuty): void {
  if (!mayDo(context, currentRegisterSettings(context).settings, duty)) {
    throw new ServiceError(
      'FORBIDDEN',
      `The clinic's register settings do not allow your role to ${duties[duty].what}. An administrator can change this.`,
    );
  }
}
