import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ContainerView } from '../../../domain/register';
import { returnInputSchema } from '../../../domain/register';
import { useApi } from '../../app/sign-in-context';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { serverNow } from '../../lib/server-clock';
import { checkInput, refusalMessage } from './dialog-submit';
import { balanceText, containerSummary } from './register-words';

interface ReturnValues {
  volumeMl: string;
  reason: string;
}
const fields = ['volumeMl', 'reason'];

/** Returns drug to the supplier: how much, to whom and under what reference. */
export function ReturnDialog({
  container,
  onClose,
  onDone,
}: {
  container: ContainerView;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const api = useApi();
  const [problem, setProblem] = useState<string | undefined>();
  const { register, handleSubmit, formState, setError, clearErrors } = useForm<ReturnValues>({
    defaultValues: { volumeMl: '', reason: '' },
  });
  const submit = handleSubmit(async (values) => {
    clearErrors();
    setProblem(undefined);
    const input = checkInput(
      returnInputSchema,
      { containerId: container.id, occurredAt: serverNow().toISOString(), ...values },
      [],
      setError,
      fields,
      (messages) => setProblem(messages.length === 0 ? undefined : messages.join(' ')),
    );
    if (input === null) return;
    const result = await api.call('register.return', input);
    if (result.ok)
      onDone(`${container.label}: the return is recorded. Balance now ${balanceText(result.value.entry.balance)}.`);
    else setProblem(refusalMessage(result.error, setError, fields));
  });
  return (
    <Dialog title={`Return ${container.label} to the supplier`} onClose={onClose}>
      <p>
        {containerSummary(container)}. Holds {balanceText(container.balance)}.
      </p>
      <DialogForm
        problem={problem}
        onSubmit={submit}
        submitting={formState.isSubmitting}
        action="Record the return"
        busy="Recording…"
        onCancel={onClose}
      >
        <TextField
          id="return-volume"
          label="Volume returned (mL)"
          inputMode="decimal"
          autoComplete="off"
          className="input-short"
          registration={register('volumeMl')}
          error={formState.errors.volumeMl?.message}
        />
        <TextArea
          id="return-reason"
          label="Supplier and return reference"
          hint="Who it went back to and the reference (invoice, DEA Form 222 for Schedule II)."
          rows={2}
          dir="auto"
          registration={register('reason')}
          error={formState.errors.reason?.message}
        />
      </DialogForm>
    </Dialog>
  );
}
