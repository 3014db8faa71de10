import { listAudit, verifyAuditChain } from '../db/audit-log';
import type { Handlers } from './context';

export const auditHandlers: Handlers<'audit.list' | 'audit.verify'> = {
  'audit.list': (context, input) => ({
    entries: listAudit(context.ledger.raw, { beforeSeq: input.beforeSeq, limit: input.limit }),
  }),
  'audit.verify': (context) => verifyAuditChain(context.ledger.raw),
};
