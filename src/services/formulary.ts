import { limitChanges } from '../domain/formulary-history';
import type { FormularyHistoryEntry } from '../domain/formulary-history';
import { emptyFormulary } from '../domain/formulary';
import { diffRecords } from '../domain/record-diff';
import type { Formulary } from '../domain/formulary';
import { currentFormulary, formularyVersion, insertFormulary, listFormularyVersions } from '../db/formulary-repo';
import { keyedRowFields } from '../db/keyed-tables';
import type { Handlers, ServiceContext } from './context';
import { requireUser } from './context';
import { verifyPassword } from './passwords';
import { recordFailure } from './sign-in-failures';
import { refuseStaleSave } from './stale-save';

/** Who saved the version in force, when, and the limits it moved since the one the screen edited. */
function refuseStaleFormulary(context: ServiceContext, expectedVersion: number, current: Formulary): never {
  const loaded = expectedVersion < current.version ? formularyVersion(context.ledger.db, expectedVersion) : null;
  const moved = loaded === null ? [] : limitChanges(loaded, current.content).map((change) => change.text);
  const changedAtAll = loaded === null || diffRecords(loaded, current.content).length > 0;
  refuseStaleSave(context, {
    what: `the formulary (now version ${current.version})`,
    by: current.createdBy ?? 'someone',
    at: current.createdAt,
    changed: moved.length > 0 || !changedAtAll ? moved : ['drugs, concentrations, pumps or screening questions'],
  });
}

export const formularyHandlers: Handlers<'formulary.get' | 'formulary.update' | 'formulary.history'> = {
  'formulary.get': (context) => currentFormulary(context.ledger.db),

  /**
   * Every save asks the password again, not only one that moves a bound: a drug or a
   * concentration added or removed changes what later plans can be written with as much as a
   * bound does, and one rule is one the administrator can predict. Nothing is written on a
   * wrong password but the failed try, which counts towards the lockout.
   */
  'formulary.update': (context, input) => {
    const user = requireUser(context);
    if (!verifyPassword(input.password, user.passwordHash))
      return recordFailure(context, user, 'formulary.password-wrong', 'password');
    const before = currentFormulary(context.ledger.db);
    if (input.expectedVersion !== undefined && input.expectedVersion !== before.version) {
      refuseStaleFormulary(context, input.expectedVersion, before);
    }
    const changes = diffRecords(before.content, input.content);
    if (changes.length === 0) return before;
    const version = insertFormulary(context.ledger.db, input.content, user.id, context.nowIso, input.reason);
    context.audit('formulary.updated', 'formulary', version, {
      version,
      ...keyedRowFields(context.ledger.raw, 'formulary_versions', version),
      reason: input.reason,
      passwordConfirmed: true,
      limitChanges: limitChanges(before.content, input.content).map((change) => ({
        drugId: change.drugId,
        quantity: change.quantity,
        bound: change.bound,
        from: change.before,
        to: change.after,
      })),
      changes: changes.map((change) => ({ path: change.path, from: change.before ?? null, to: change.after ?? null })),
    });
    return currentFormulary(context.ledger.db);
  },

  'formulary.history': (context) => {
    const versions = listFormularyVersions(context.ledger.db);
    const entries: FormularyHistoryEntry[] = versions.map((stored, index) => ({
      version: stored.version,
      createdAt: stored.createdAt,
      createdBy: stored.createdBy,
      reason: stored.reason,
      passwordConfirmed: stored.reason !== null,
      limitChanges: limitChanges(versions[index - 1]?.content ?? emptyFormulary, stored.content).map(
        (change) => change.text,
      ),
    }));
    return entries.reverse();
  },
};
