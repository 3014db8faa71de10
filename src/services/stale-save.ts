import type { FieldIssue } from '../contract/errors';
import type { JsonValue } from '../domain/canonical-json';
import { formatDateTime } from '../domain/time';
import { findUserById } from '../db/users-repo';
import type { ServiceContext } from './context';
import { requireClinic } from './context';
import { ServiceError } from './service-error';

/**
 * Refusing a save made from a stale screen: two people (or one person on two devices) editing
 * the same thing must not overwrite each other silently. The refusal says who changed it, when
 * (clinic time with its offset) and, where known, what; nothing is written.
 */

export interface StoredChange {
  at: string;
  actorUserId: number | null;
  details: Record<string, JsonValue>;
}

/** Audit entries of one entity, newest first; only `actions`, and only after `afterIso` when given. */
export function changesOf(
  context: ServiceContext,
  entity: { type: string; id: string | number },
  actions: readonly string[],
  afterIso: string | null = null,
): StoredChange[] {
  const marks = actions.map(() => '?').join(', ');
  const rows = context.ledger.raw
    .prepare(
      `SELECT at, actor_user_id AS actorUserId, details FROM audit_log
       WHERE entity_type = ? AND entity_id = ? AND action IN (${marks}) AND at > ? ORDER BY seq DESC`,
    )
    .all(entity.type, String(entity.id), ...actions, afterIso ?? '') as {
    at: string;
    actorUserId: number | null;
    details: string;
  }[];
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, JsonValue> }));
}

/** "Alex Admin", "you", with the device it was done on when known ("you, on Chair 3 tablet,"). */
export function changedBy(context: ServiceContext, change: { actorUserId: number | null; device?: JsonValue }): string {
  const name =
    change.actorUserId === null
      ? 'someone'
      : change.actorUserId === context.user?.id
        ? 'you'
        : (findUserById(context.ledger.db, change.actorUserId)?.displayName ?? 'another user');
  return typeof change.device === 'string' ? `${name}, on ${change.device},` : name;
}

/** What a refusal needs: what was changed, by whom and when, and which fields (already in words). */
export interface StaleSave {
  /** "the clinic settings", "this exam draft". */
  what: string;
  by: string;
  at: string | null;
  /** Words for the fields changed there; empty when not known. */
  changed: readonly string[];
  /** Field paths for `issues`, so a screen can point at (or label) each one. */
  paths?: readonly string[];
  /** What was refused: "Not saved" unless said otherwise ("Not signed"). */
  refused?: string;
}

export function staleSaveMessage(context: ServiceContext, stale: StaleSave): string {
  const when = stale.at === null ? '' : ` at ${formatDateTime(stale.at, requireClinic(context).timeZone)}`;
  const what = stale.changed.length === 0 ? '' : ` Changed there: ${stale.changed.join(', ')}.`;
  return (
    `${stale.refused ?? 'Not saved'}: ${stale.by} saved ${stale.what}${when}, after this screen loaded it.${what}` +
    (stale.refused === 'Not signed'
      ? ' Nothing was signed: load the latest and read it before signing.'
      : ' Your changes are still on screen: load the latest, then make them again.')
  );
}

/** Throws the CONFLICT refusal (the transaction rolls back, so nothing is written). */
export function refuseStaleSave(context: ServiceContext, stale: StaleSave): never {
  const issues: FieldIssue[] | undefined = stale.paths?.map((path) => ({
    path,
    message: 'Changed since this screen loaded it',
  }));
  throw new ServiceError('CONFLICT', staleSaveMessage(context, stale), issues);
}
