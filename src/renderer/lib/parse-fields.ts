import type { z } from 'zod';
import type { FieldIssue } from '../../contract/errors';
import { parseDateQuery } from '../../domain/time';

/**
 * Reading typed text into record content, field by field. A field that does not parse is
 * left out (null) and its problem noted under its path, so that everything else can still
 * be saved while the person fixes that one field.
 */
export function parseDate(text: string, path: string, issues: FieldIssue[], missing?: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') {
    if (missing !== undefined) issues.push({ path, message: missing });
    return null;
  }
  const date = parseDateQuery(trimmed);
  if (date === null) issues.push({ path, message: 'Enter a real date as dd-Mmm-yyyy or yyyy-mm-dd, e.g. 23-Nov-2026' });
  return date;
}

/** A whole number through its domain schema (which words its own range messages). */
export function parseWhole(text: string, schema: z.ZodType<number | null>, path: string, issues: FieldIssue[]) {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const parsed = schema.safeParse(/^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN);
  if (parsed.success) return parsed.data;
  issues.push({ path, message: parsed.error.issues[0]?.message ?? 'Enter a whole number' });
  return null;
}

/** A decimal quantity through its domain schema (leading zero, digits only). */
export function parseDecimal(text: string, schema: z.ZodType<string | null>, path: string, issues: FieldIssue[]) {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const parsed = schema.safeParse(trimmed);
  if (parsed.success) return parsed.data;
  issues.push({ path, message: parsed.error.issues[0]?.message ?? 'Enter a number' });
  return null;
}
