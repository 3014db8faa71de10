import type { SupervisionChoice } from '../../src/domain/session-supervision';
import type { TempLedger } from './temp-ledger';

/**
 * The supervising physician a test's `sessions.start` names: the clinic's first active
 * physician (issue 22: a new start is refused without one).
 */
export function supervisedBy(app: Pick<TempLedger, 'ledger'>): SupervisionChoice {
  const row = app.ledger.raw
    .prepare("SELECT id FROM users WHERE role = 'physician' AND active = 1 ORDER BY id LIMIT 1")
    .get() as { id: number } | undefined;
  if (row === undefined) throw new Error('The test clinic has no active physician to supervise the infusion');
  return { physicianUserId: row.id, availability: 'on-site' };
}
