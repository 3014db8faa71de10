import { verifyCheckpoints } from '../db/checkpoint-verify';
import { verifyAuditChain } from '../db/audit-log';
import { listAuditFiltered } from '../db/audit-filter';
import { localDaysToUtc } from '../domain/time';
import { verifyTableStates } from '../db/table-states';
import { formatPrintedName } from '../domain/user';
import { findUserById, listUsers } from '../db/users-repo';
import { randomUUID } from 'node:crypto';
import type { JsonValue } from '../domain/canonical-json';
import type { Handlers } from './context';
import { requireClinic, requireUser } from './context';
import {
  cancelVerifyJob,
  existingVerifyJob,
  publicVerifyJob,
  startingVerifyJob,
  startVerifyJob,
} from './audit-verify-job';

export const auditHandlers: Handlers<
  'audit.list' | 'audit.verify' | 'audit.verifyStart' | 'audit.verifyStatus' | 'audit.verifyCancel'
> = {
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
    // Whole days in the clinic's zone, as every date on screen is.
    const { fromIso, toIso } = localDaysToUtc(input.from ?? null, input.to ?? null, requireClinic(context).timeZone);
    const entries = listAuditFiltered(context.ledger.raw, { ...input, fromIso, toIso });
    return {
      entries: entries.map((entry) => ({ ...entry, actorName: nameOf(entry.actorUserId) })),
      actors: listUsers(context.ledger.db).map((user) => ({ userId: user.id, name: formatPrintedName(user) })),
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
  // Nothing is read or written here: the check runs after this call, on its own snapshot.
  'audit.verifyStart': (context, input) => {
    const user = requireUser(context);
    const device = context.signIn.device;
    const id = randomUUID();
    const where: Record<string, JsonValue> = device === undefined ? {} : { device: device.name, deviceId: device.id };
    const actor = { userId: user.id, device: where };
    const pending = startingVerifyJob(id, input.scope);
    context.afterCommit(() => void startVerifyJob(context.ledger, actor, input.scope, id).finished);
    return pending;
  },
  'audit.verifyStatus': (_context, input) => publicVerifyJob(existingVerifyJob(input.jobId)),
  'audit.verifyCancel': (_context, input) => cancelVerifyJob(input.jobId),
};
