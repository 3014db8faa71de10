import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import type { CallError, FieldIssue } from '../../../contract/errors';

/** A second person's user ID and password, as typed (checker, witness, second counter). */
export interface SecondPersonValues {
  username: string;
  password: string;
}

export const noSecondPerson: SecondPersonValues = { username: '', password: '' };

/**
 * The second person's fields checked before anything is sent, in words that say who is
 * missing ("Enter the checker's user ID"), rather than the schema's generic length message.
 */
export function secondPersonIssues(values: SecondPersonValues, path: string, who: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (values.username.trim() === '') issues.push({ path: `${path}.username`, message: `Enter the ${who}’s user ID` });
  if (values.password === '') issues.push({ path: `${path}.password`, message: `Enter the ${who}’s password` });
  return issues;
}

/** A schema's refusals as field issues, skipping paths already noted (our own words win). */
export function schemaIssues(error: z.ZodError, noted: readonly FieldIssue[]): FieldIssue[] {
  const seen = new Set(noted.map((issue) => issue.path));
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.join('.');
    if (seen.has(path) || [...seen].some((known) => known.startsWith(`${path}.`))) continue;
    seen.add(path);
    issues.push({ path, message: issue.message });
  }
  return issues;
}

/**
 * Where the server's field issue belongs on a form: a refusal of the whole second person
 * ("checker") goes next to their user ID; other paths are the form's own.
 */
export function formPathOf(serverPath: string, secondPersonPaths: readonly string[]): string {
  return secondPersonPaths.includes(serverPath) ? `${serverPath}.username` : serverPath;
}

/**
 * Puts issues next to their fields; returns the messages that belong to no field on the form,
 * for the summary at the top.
 */
export function showIssues<T extends FieldValues>(
  issues: readonly FieldIssue[],
  setError: UseFormSetError<T>,
  fields: readonly string[],
  secondPersonPaths: readonly string[] = [],
): string[] {
  const unmatched: string[] = [];
  for (const issue of issues) {
    const path = formPathOf(issue.path, secondPersonPaths);
    if (fields.some((field) => path === field || path.startsWith(`${field}.`))) {
      setError(path as FieldPath<T>, { type: 'server', message: issue.message }, { shouldFocus: false });
    } else unmatched.push(issue.message);
  }
  return unmatched;
}

/**
 * A server refusal on a form: field issues beside their fields; the message itself in the
 * summary too when some issue matched no field or there were none (FORBIDDEN, a refusal of
 * the whole thing).
 */
export function showRefusal<T extends FieldValues>(
  error: CallError,
  setError: UseFormSetError<T>,
  fields: readonly string[],
  secondPersonPaths: readonly string[] = [],
): string[] {
  const unmatched = showIssues(error.issues ?? [], setError, fields, secondPersonPaths);
  return unmatched.length > 0 || (error.issues ?? []).length === 0 ? [error.message] : [];
}
