import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { discontinueReasonSchema } from '../../../domain/record';
import type { RecordView } from '../../../domain/record-view';
import { useSignIn } from '../../app/sign-in-context';
import { Dialog } from '../../components/Dialog';
import { MessageText } from '../../components/MessageText';
import { Notice } from '../../components/Notice';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';

interface Values {
  reason: string;
  password: string;
}

/** Ends a signed plan for good, with the reason; the physician confirms with their password. */
export function DiscontinueDialog({
  recordId,
  onClose,
  onDiscontinued,
}: {
  recordId: number;
  onClose: () => void;
  onDiscontinued: (view: RecordView) => void;
}) {
  const { api, refresh } = useSignIn();
  const [problems, setProblems] = useState<Partial<Record<keyof Values | 'form', string>>>({});
  const { register, handleSubmit, formState } = useForm<Values>({ defaultValues: { reason: '', password: '' } });
  const discontinue = handleSubmit(async ({ reason, password }) => {
    const found: Partial<Record<keyof Values, string>> = {};
    const parsed = discontinueReasonSchema.safeParse(reason);
    if (!parsed.success) found.reason = parsed.error.issues[0]?.message ?? 'Give the reason for discontinuing';
    if (password === '') found.password = 'Enter your password';
    setProblems(found);
    if (found.reason !== undefined || found.password !== undefined) {
      document.getElementById(found.reason !== undefined ? 'discontinue-reason' : 'discontinue-password')?.focus();
      return;
    }
    const result = await api.call('records.discontinue', { recordId, reason, password });
    if (result.ok) {
      onDiscontinued(result.value);
      return;
    }
    if (result.error.code === 'INVALID_CREDENTIALS') setProblems({ password: result.error.message });
    else setProblems({ form: result.error.message });
    if (result.error.code === 'ACCOUNT_LOCKED') await refresh(result.error.message);
  });
  return (
    <Dialog title="Discontinue this infusion plan" onClose={onClose}>
      <p>
        A discontinued plan stays readable but no infusion may start from it, and it cannot be amended. The nurse&apos;s
        chairside screen says so at once.
      </p>
      {problems.form !== undefined && (
        <Notice tone="error" live="alert">
          <MessageText text={problems.form} />
        </Notice>
      )}
      <form onSubmit={(event) => void discontinue(event)} noValidate>
        <TextArea
          id="discontinue-reason"
          label="Reason for discontinuing"
          maxLength={2000}
          registration={register('reason')}
          error={problems.reason}
        />
        <TextField
          id="discontinue-password"
          label="Your password"
          type="password"
          autoComplete="current-password"
          className="input-medium"
          registration={register('password')}
          error={problems.password}
        />
        <div className="actions">
          <button type="submit" className="button button-danger" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Discontinuing…' : 'Discontinue the plan'}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
