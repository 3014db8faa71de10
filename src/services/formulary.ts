import { limitChanges } from '../domain/formulary-history';
import type { FormularyHistoryEntry } from '../domain/formulary-history';
import { emptyFormulary } from '../domain/formulary';
import { diffRecords } from '../domain/record-diff';
import { currentFormulary, insertFormulary, listFormularyVersions } from '../db/formulary-repo';
import { keyedRowFields } from '../db/keyed-tables';
import type { Handlers } from './context';
import { requireUser } from './context';
import { verifyPassword } from './passwords';
import { recordFailure } from './sign-in-failures';

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
