import type { FormEvent, ReactNode } from 'react';
import { MessageText } from './MessageText';
import { Notice } from './Notice';

/**
 * The form a confirming dialog ends with (signing, amending, discontinuing, saving the
 * formulary): why the server refused it, in words, above it; its fields; the action, which
 * says what it is doing while it runs, with Cancel beside it.
 */
export function DialogForm({
  problem,
  onSubmit,
  submitting,
  action,
  busy,
  danger = false,
  onCancel,
  children,
}: {
  problem: string | undefined;
  onSubmit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
  submitting: boolean;
  /** "Sign infusion plan" */
  action: string;
  /** "Signing…" */
  busy: string;
  danger?: boolean;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <>
      {problem !== undefined && (
        <Notice tone="error" live="alert">
          <MessageText text={problem} />
        </Notice>
      )}
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        {children}
        <div className="actions">
          <button
            type="submit"
            className={danger ? 'button button-danger' : 'button button-primary'}
            disabled={submitting}
          >
            {submitting ? busy : action}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}
