import type { FieldErrors, FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { CallError } from '../../contract/errors';

export interface FieldProblem {
  /** Dotted field path, e.g. "emergencyContact.phone"; null for the form as a whole. */
  path: string | null;
  message: string;
}

function isLeaf(value: object): value is { message?: unknown; type?: unknown } {
  return 'type' in value && typeof value.type === 'string';
}

/** Every error react-hook-form holds, in form order, as a flat list for the error summary. */
export function flattenFieldErrors(errors: FieldErrors, parent = ''): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [key, value] of Object.entries(errors)) {
    // `ref` is the DOM element the error belongs to, not a nested error.
    if (key === 'ref' || typeof value !== 'object' || value === null) continue;
    const path = parent === '' ? key : `${parent}.${key}`;
    if (isLeaf(value)) {
      if (typeof value.message === 'string' && value.message !== '') problems.push({ path, message: value.message });
      continue;
    }
    problems.push(...flattenFieldErrors(value as FieldErrors, path));
  }
  return problems;
}

/**
 * Puts the server's field-level issues next to their fields. `prefix` is stripped first
 * (the server says "patient.mrn" where the form says "mrn"). Returns what matched no field,
 * so it can still be shown in the summary.
 */
export function applyServerIssues<T extends FieldValues>(
  error: CallError,
  setError: UseFormSetError<T>,
  knownPaths: readonly string[],
  prefix = '',
): string[] {
  const unmatched: string[] = [];
  for (const issue of error.issues ?? []) {
    const path = issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path;
    const known = knownPaths.some((known) => path === known || path.startsWith(`${known}.`));
    if (known) setError(path as FieldPath<T>, { type: 'server', message: issue.message }, { shouldFocus: false });
    else unmatched.push(issue.message);
  }
  return unmatched;
}
