import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { amendmentReasonSchema } from '../../../domain/record';
import type { RecordView } from '../../../domain/record-view';
import { useApi } from '../../app/sign-in-context';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { TextArea } from '../../components/TextArea';

/** Starts an amendment: a new draft version, with the reason, that replaces the signed one once signed. */
export function AmendDialog({
  recordId,
  what,
  onClose,
  onAmended,
}: {
  recordId: number;
  what: string;
  onClose: () => void;
  onAmended: (view: RecordView) => void;
}) {
  const api = useApi();
  const [problem, setProblem] = useState<{ field?: string; form?: string }>({});
  const { register, handleSubmit, formState } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const amend = handleSubmit(async ({ reason }) => {
    const parsed = amendmentReasonSchema.safeParse(reason);
    if (!parsed.success) {
      setProblem({ field: parsed.error.issues[0]?.message ?? 'Give the reason for the amendment' });
      document.getElementById('amend-reason')?.focus();
      return;
    }
    const result = await api.call('records.amend', { recordId, reason });
    if (result.ok) onAmended(result.value);
    else setProblem({ form: result.error.message });
  });
  return (
    <Dialog title={`Amend this ${what}`} onClose={onClose}>
      <p>
        An amendment is a new version. You edit it as a draft and sign it; the signed version stays in force until then,
        and stays readable afterwards, marked as superseded.
      </p>
      <DialogForm
        problem={problem.form}
        onSubmit={amend}
        submitting={formState.isSubmitting}
        action="Start the amendment"
        busy="Starting…"
        onCancel={onClose}
      >
        <TextArea
          id="amend-reason"
          label="Reason for the amendment"
          hint="Shown with the new version and in the audit log."
          maxLength={2000}
          registration={register('reason')}
          error={problem.field}
        />
      </DialogForm>
    </Dialog>
  );
}
