import { listAudit, verifyAuditChain } from '../db/audit-log';
import { formatPrintedName } from '../domain/user';
import { findUserById } from '../db/users-repo';
import type { Handlers } from './context';

export const auditHandlers: Handlers<'audit.list' | 'audit.verify'> = {
  'audit.list': (context, input) => {
    const names = new Map<number, string>();
    const nameOf = (userId: number | null): string | null => {
      if (userId === null) return null;
      if (!names.has(userId)) {
        const user = findUserById(context.ledger.db, userId);
        names.set(userId, user === undefined ? `User ${userId}` : formatPrintedName(user));
      }
      return names.get(userId) ?? null;
    };
    return {
      entries: listAudit(context.ledger.raw, { beforeSeq: input.beforeSeq, limit: input.limit }).map((entry) => ({
        ...entry,
        actorName: nameOf(entry.actorUserId),
      })),
    };
  },
  'audit.verify': (context) => verifyAuditChain(context.ledger.raw),
};
