import { diffRecords } from '../domain/record-diff';
import { currentFormulary, insertFormulary } from '../db/formulary-repo';
import type { Handlers } from './context';
import { requireUser } from './context';

export const formularyHandlers: Handlers<'formulary.get' | 'formulary.update'> = {
  'formulary.get': (context) => currentFormulary(context.ledger.db),
  'formulary.update': (context, input) => {
    const before = currentFormulary(context.ledger.db);
    const changes = diffRecords(before.content, input.content);
    if (changes.length === 0) return before;
    const version = insertFormulary(context.ledger.db, input.content, requireUser(context).id, context.nowIso);
    context.audit('formulary.updated', 'formulary', version, {
      version,
      changes: changes.map((change) => ({ path: change.path, from: change.before ?? null, to: change.after ?? null })),
    });
    return currentFormulary(context.ledger.db);
  },
};
