import type { MethodName, MethodOutput, MethodParsedInput } from '../contract/methods';
import type { JsonValue } from '../domain/canonical-json';
import type { Clinic } from '../domain/clinic';
import { appendAudit } from '../db/audit-log';
import type { Ledger } from '../db/open';
import type { UserRow } from '../db/users-repo';
import type { SignIn } from './sign-in';
import type { CommittedRefusal } from './service-error';

/** Everything a use case may touch, for the duration of one transaction. */
export interface ServiceContext {
  ledger: Ledger;
  signIn: SignIn;
  /**
   * The signed-in user, re-read inside this transaction; null when signed out. Sign-in
   * sets it, so that its audit entry is attributed to the user who signed in.
   */
  user: UserRow | null;
  clinic: Clinic | undefined;
  now: Date;
  nowIso: string;
  /**
   * Work to start once this transaction has committed (never inside it: better-sqlite3
   * transactions are synchronous), e.g. writing export files in the background.
   */
  afterCommit(task: () => void): void;
  /** Appends an audit entry, attributed to the signed-in user, in this transaction. */
  audit(
    action: string,
    entityType: string,
    entityId: string | number | null,
    details?: Record<string, JsonValue>,
  ): void;
}

export type Handler<M extends MethodName> = (
  context: ServiceContext,
  input: MethodParsedInput<M>,
) => MethodOutput<M> | CommittedRefusal;

export type Handlers<M extends MethodName> = { [K in M]: Handler<K> };

export function createServiceContext(
  ledger: Ledger,
  signIn: SignIn,
  user: UserRow | null,
  clinic: Clinic | undefined,
  now: Date,
  afterCommit: (task: () => void) => void = () => {
    throw new Error('no post-commit queue here');
  },
): ServiceContext {
  const nowIso = now.toISOString();
  const context: ServiceContext = {
    ledger,
    signIn,
    user,
    clinic,
    now,
    nowIso,
    afterCommit,
    audit(action, entityType, entityId, details = {}) {
      // Added here, once, so no use case can forget which device an action was taken on.
      const device = context.signIn.device;
      appendAudit(ledger.raw, {
        at: nowIso,
        actorUserId: context.user?.id ?? null,
        action,
        entityType,
        entityId: entityId === null ? null : String(entityId),
        details: device === undefined ? details : { ...details, device: device.name, deviceId: device.id },
      });
    },
  };
  return context;
}

/** The signed-in user, for use cases whose access rule guarantees one. */
export function requireUser(context: ServiceContext): UserRow {
  if (context.user === null) throw new Error('use case reached without a signed-in user');
  return context.user;
}

/** The clinic, for use cases that run only after set-up. */
export function requireClinic(context: ServiceContext): Clinic {
  if (context.clinic === undefined) throw new Error('use case reached before set-up');
  return context.clinic;
}
