import type { FieldValues, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import type { CallError, FieldIssue } from '../../../contract/errors';
import { schemaIssues, showIssues, showRefusal } from './register-form';

/**
 * Checks a dialog's input with its domain schema before sending: problems go next to their
 * fields; returns the parsed input, or null (with `onForm` told what belongs to no field).
 */
export function checkInput<S extends z.ZodType, T extends FieldValues>(
  schema: S,
  candidate: unknown,
  noted: FieldIssue[],
  setError: UseFormSetError<T>,
  fields: readonly string[],
  onForm: (messages: string[]) => void,
): z.output<S> | null {
  const parsed = schema.safeParse(candidate);
  const issues = [...noted, ...(parsed.success ? [] : schemaIssues(parsed.error, noted))];
  if (issues.length === 0 && parsed.success) return parsed.data;
  onForm(showIssues(issues, setError, fields, ['witness']));
  return null;
}

/** A refused save in a dialog: field issues beside the fields, the rest (FORBIDDEN too) above them. */
export function refusalMessage<T extends FieldValues>(
  error: CallError,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): string | undefined {
  const messages = showRefusal(error, setError, fields, ['witness']);
  return messages.length === 0 ? undefined : messages.join(' ');
}
