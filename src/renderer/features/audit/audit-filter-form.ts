import type { MethodInput } from '../../../contract/methods';
import { parseDateQuery } from '../../../domain/time';

/** The audit log's filters as typed (all text: a select's value is text too). */
export interface AuditFilterValues {
  from: string;
  to: string;
  actorUserId: string;
  action: string;
  entityType: string;
  entityId: string;
}

export const noAuditFilter: AuditFilterValues = {
  from: '',
  to: '',
  actorUserId: '',
  action: '',
  entityType: '',
  entityId: '',
};

/** What `audit.list` takes besides its paging. */
export type AuditFilter = Omit<MethodInput<'audit.list'>, 'beforeSeq' | 'limit'>;

/**
 * The typed filters as `audit.list` takes them, or what is wrong with them in words, by field.
 * Empty fields filter nothing; dates as dd-Mmm-yyyy or yyyy-mm-dd, days in the clinic's zone.
 */
export function auditFilterOf(
  values: AuditFilterValues,
): { ok: true; filter: AuditFilter } | { ok: false; problems: { field: keyof AuditFilterValues; message: string }[] } {
  const problems: { field: keyof AuditFilterValues; message: string }[] = [];
  const date = (field: 'from' | 'to'): string | undefined => {
    const typed = values[field].trim();
    if (typed === '') return undefined;
    const parsed = parseDateQuery(typed);
    if (parsed === null) problems.push({ field, message: 'Enter a real date as dd-Mmm-yyyy or yyyy-mm-dd.' });
    return parsed ?? undefined;
  };
  const from = date('from');
  const to = date('to');
  if (from !== undefined && to !== undefined && from > to) {
    problems.push({ field: 'to', message: 'The last day is before the first day. Swap them.' });
  }
  if (problems.length > 0) return { ok: false, problems };
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const filter: AuditFilter = {
    from,
    to,
    actorUserId: values.actorUserId === '' ? undefined : Number(values.actorUserId),
    action: text(values.action),
    entityType: text(values.entityType),
    entityId: text(values.entityId),
  };
  return {
    ok: true,
    filter: Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)),
  };
}

/** Whether any filter is set. */
export function isFiltered(filter: AuditFilter): boolean {
  return Object.keys(filter).length > 0;
}
