import type { FieldIssue } from '../../contract/errors';
import type { FieldProblem } from './form-errors';

/** The message to show next to each field, by its form path (the first one, if several). */
export type FieldMessages = ReadonlyMap<string, string>;

export function fieldMessages(issues: readonly FieldIssue[]): FieldMessages {
  const messages = new Map<string, string>();
  for (const issue of issues) if (!messages.has(issue.path)) messages.set(issue.path, issue.message);
  return messages;
}

/** Issues as error-summary entries; an empty path is about the form as a whole. */
export function summaryProblems(
  issues: readonly FieldIssue[],
  describe: (issue: FieldIssue) => string = (issue) => issue.message,
): FieldProblem[] {
  return issues.map((issue) => ({ path: issue.path === '' ? null : issue.path, message: describe(issue) }));
}
