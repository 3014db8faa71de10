import { useEffect, useId, useRef } from 'react';
import type { FieldProblem } from '../lib/form-errors';
import { MessageText } from './MessageText';

export interface ErrorSummaryProps {
  problems: readonly FieldProblem[];
  /** Moves focus to a field from its entry in the summary. */
  onSelect: (path: string) => void;
  /** Changes on every failed attempt, so the summary takes focus again each time. */
  attempt: number;
  /** Replaces "There are N problems", e.g. "This exam cannot be signed yet". */
  title?: string;
}

/**
 * The list of problems at the top of a form after a failed save. It takes focus so a
 * screen reader reads it; each entry leads to its field. (Buttons, not links: the address
 * fragment belongs to the router.)
 */
export function ErrorSummary({ problems, onSelect, attempt, title }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const visible = problems.length > 0;
  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [attempt, visible]);
  if (!visible) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={headingId}>
      <h2 className="error-summary-title" id={headingId}>
        {title ?? (problems.length === 1 ? 'There is a problem' : `There are ${problems.length} problems`)}
      </h2>
      <ul className="error-summary-list">
        {problems.map((problem, index) => (
          <li key={`${problem.path ?? 'form'}-${index}`}>
            {problem.path === null ? (
              <MessageText text={problem.message} />
            ) : (
              <button type="button" className="link-button" onClick={() => onSelect(problem.path ?? '')}>
                {problem.message}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
