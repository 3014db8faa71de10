import { verifyCheckpoints } from '../db/checkpoint-verify';
import { listAudit, verifyAuditChain } from '../db/audit-log';
import { verifyTableStates } from '../db/table-states';
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
  'audit.verify': (context) => {
    const chain = verifyAuditChain(context.ledger.raw);
    const problems = verifyTableStates(context.ledger.raw).problems.map((problem) => problem.message);
    const checkpoints = verifyCheckpoints(context.ledger.raw);
    return {
      ...chain,
      ...(problems.length === 0 ? {} : { tableProblems: problems }),
      ...(checkpoints.problems.length === 0 ? {} : { checkpointProblems: checkpoints.problems }),
      checkpoints: checkpoints.checked,
    };
  },
};
