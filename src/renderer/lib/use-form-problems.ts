import { useState } from 'react';
import type { FieldErrors, FieldValues } from 'react-hook-form';
import type { FieldProblem } from './form-errors';
import { flattenFieldErrors } from './form-errors';

export interface FormProblems {
  /** Field errors and form-level messages together, for the error summary. */
  problems: FieldProblem[];
  /** Bumped on every failed attempt so the summary takes focus again. */
  attempt: number;
  /** Records a failed attempt, with messages that belong to no single field. */
  fail: (formMessages?: readonly string[]) => void;
}

/** The error-summary bookkeeping every form shares. */
export function useFormProblems<T extends FieldValues>(errors: FieldErrors<T>): FormProblems {
  const [formMessages, setFormMessages] = useState<readonly string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const problems = [...formMessages.map((message) => ({ path: null, message })), ...flattenFieldErrors(errors)];
  return {
    problems,
    attempt,
    fail: (messages = []) => {
      setFormMessages(messages);
      setAttempt((count) => count + 1);
    },
  };
}
