import { sessionConfigurationChanges } from '../domain/session-configuration';
import { currentSessionConfiguration, insertSessionConfiguration } from '../db/session-configuration-repo';
import type { Handlers } from './context';
import { requireUser } from './context';
import { ServiceError } from './service-error';

export const sessionConfigurationHandlers: Handlers<
  'clinic.sessionConfiguration.get' | 'clinic.sessionConfiguration.update'
> = {
  'clinic.sessionConfiguration.get': (context) => currentSessionConfiguration(context.ledger.db),

  /** Saves a new version; sessions already charted keep the wording they recorded. */
  'clinic.sessionConfiguration.update': (context, input) => {
    const before = currentSessionConfiguration(context.ledger.db);
    if (input.expectedVersion !== before.version) {
      throw new ServiceError(
        'CONFLICT',
        `Someone saved the session settings since you opened them (now version ${before.version}). Reload the page to see their changes, then make yours again.`,
      );
    }
    const kept = new Set(input.content.dischargeCriteria.map((criterion) => criterion.itemId));
    const removed = before.content.dischargeCriteria.find((criterion) => !kept.has(criterion.itemId));
    if (removed !== undefined) {
      // Its code must keep meaning what past discharges recorded under it.
      throw new ServiceError(
        'INVALID_INPUT',
        `The discharge criterion “${removed.label}” was removed. Retire it instead: retired criteria are no longer asked, and can be brought back.`,
        [{ path: 'content.dischargeCriteria', message: `Retire “${removed.label}” instead of removing it` }],
      );
    }
    const changes = sessionConfigurationChanges(before.content, input.content);
    if (changes.length === 0) return before;
    const version = insertSessionConfiguration(
      context.ledger.db,
      input.content,
      requireUser(context).id,
      context.nowIso,
    );
    context.audit('session-configuration.updated', 'session-configuration', version, {
      version,
      changes: changes.map((change) => ({ path: change.path, from: change.from, to: change.to })),
    });
    return currentSessionConfiguration(context.ledger.db);
  },
};
