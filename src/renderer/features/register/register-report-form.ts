import type { FieldIssue } from '../../../contract/errors';
import { registerReportInputSchema } from '../../../contract/register-report-methods';
import type { DiscrepancyCategory, RegisterEntryView } from '../../../domain/register';
import { discrepancyCategories, writeOffCategories } from '../../../domain/register';
import type { Role } from '../../../domain/roles';
import { formatDate, parseDateQuery } from '../../../domain/time';
import { mayCall } from '../../app/permissions';

/** The report's range as typed: clinic days, dd-Mmm-yyyy or yyyy-mm-dd. */
export interface ReportRangeValues {
  from: string;
  to: string;
}

export type ReportFormat = 'pdf' | 'csv';

export const reportRangeFields = ['from', 'to'] as const;

/** This month so far, in clinic days: what a registrant most often prints. */
export function defaultReportRange(clinicToday: string): ReportRangeValues {
  return { from: formatDate(`${clinicToday.slice(0, 8)}01`), to: formatDate(clinicToday) };
}

/**
 * Only physicians and nurses hold a signing key, so only they may produce a signed PDF: the
 * contract names exactly them for the (always signed) Form 106 information, and the server
 * refuses a register PDF to anyone else. Auditors and administrators are offered the CSV.
 */
export function maySignRegisterPdf(role: Role): boolean {
  return mayCall(role, 'register.lossReport');
}

export function reportFormatsFor(role: Role): ReportFormat[] {
  if (!mayCall(role, 'register.report')) return [];
  return maySignRegisterPdf(role) ? ['pdf', 'csv'] : ['csv'];
}

/**
 * The range as the contract takes it, or the problems beside their fields. A backwards range
 * is refused by the contract's own check, so the words are the server's.
 */
export function reportRangeFrom(values: ReportRangeValues): {
  range: { from: string; to: string } | null;
  issues: FieldIssue[];
} {
  const from = parseDateQuery(values.from);
  const to = parseDateQuery(values.to);
  const issues: FieldIssue[] = [];
  const example = 'as dd-Mmm-yyyy, e.g. 01-Nov-2026';
  if (from === null) issues.push({ path: 'from', message: `Enter the first day ${example}` });
  if (to === null) issues.push({ path: 'to', message: `Enter the last day ${example}` });
  if (from === null || to === null) return { range: null, issues };
  const parsed = registerReportInputSchema.safeParse({ from, to, format: 'csv' });
  if (!parsed.success) {
    return {
      range: null,
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    };
  }
  return { range: { from, to }, issues: [] };
}

export type ReportRangeErrors = Partial<Record<(typeof reportRangeFields)[number], string>>;

/** Issues (the form's own or the server's) beside the date fields; the rest for the summary above them. */
export function reportRangeProblems(issues: readonly FieldIssue[]): { fields: ReportRangeErrors; other: string[] } {
  const fields: ReportRangeErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = reportRangeFields.find((name) => name === issue.path);
    if (field === undefined) other.push(issue.message);
    else fields[field] ??= issue.message;
  }
  return { fields, other };
}

/**
 * The category of an explanation that wrote drug off as theft, loss or spillage (the ones DEA
 * Form 106 is about), or null for any other entry.
 */
export function writeOffCategoryOf(explanation: RegisterEntryView | null): DiscrepancyCategory | null {
  if (explanation === null || explanation.kind !== 'explained') return null;
  const category = discrepancyCategories.find((known) => known === explanation.details.category);
  return category !== undefined && writeOffCategories.has(category) ? category : null;
}
