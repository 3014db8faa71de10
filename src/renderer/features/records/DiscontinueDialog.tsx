import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { discontinueReasonSchema } from '../../../domain/record';
import type { RecordView } from '../../../domain/record-view';
import { useSignIn } from '../../app/sign-in-context';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { PasswordField } from '../../components/PasswordField';
import { TextArea } from '../../components/TextArea';

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
      <DialogForm
        problem={problems.form}
        onSubmit={discontinue}
        submitting={formState.isSubmitting}
        action="Discontinue the plan"
        busy="Discontinuing…"
        danger
        onCancel={onClose}
      >
        <TextArea
          id="discontinue-reason"
          label="Reason for discontinuing"
          maxLength={2000}
          registration={register('reason')}
          error={problems.reason}
        />
        <PasswordField id="discontinue-password" registration={register('password')} error={problems.password} />
      </DialogForm>
    </Dialog>
  );
}
