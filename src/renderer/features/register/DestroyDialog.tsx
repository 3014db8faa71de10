import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ContainerView } from '../../../domain/register';
import { destroyInputSchema } from '../../../domain/register';
import { useApi } from '../../app/sign-in-context';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { serverNow } from '../../lib/server-clock';
import { checkInput, refusalMessage } from './dialog-submit';
import type { SecondPersonValues } from './register-form';
import { noSecondPerson, secondPersonIssues } from './register-form';
import { balanceText, containerSummary } from './register-words';
import { SecondPersonFields } from './SecondPersonFields';

interface DestroyValues {
  volumeMl: string;
  method: string;
  reason: string;
  witness: SecondPersonValues;
}
const fields = ['volumeMl', 'method', 'reason', 'witness'];

/** Destroys drug in front of a witness, who confirms with their own user ID and password. */
export function DestroyDialog({
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
  const { register, handleSubmit, formState, setError, clearErrors } = useForm<DestroyValues>({
    defaultValues: { volumeMl: '', method: '', reason: '', witness: noSecondPerson },
  });
  const submit = handleSubmit(async (values) => {
    clearErrors();
    setProblem(undefined);
    const input = checkInput(
      destroyInputSchema,
      { containerId: container.id, occurredAt: serverNow().toISOString(), ...values },
      secondPersonIssues(values.witness, 'witness', 'witness'),
      setError,
      fields,
      (messages) => setProblem(messages.length === 0 ? undefined : messages.join(' ')),
    );
    if (input === null) return;
    const result = await api.call('register.destroy', input);
    if (result.ok) {
      onDone(
        `${container.label}: the destruction is recorded. Balance now ${balanceText(result.value.entry.balance)}.`,
      );
    } else setProblem(refusalMessage(result.error, setError, fields));
  });
  return (
    <Dialog title={`Destroy drug from ${container.label}`} onClose={onClose} wide>
      <p>
        {containerSummary(container)}. Holds {balanceText(container.balance)}.
      </p>
      <DialogForm
        problem={problem}
        onSubmit={submit}
        submitting={formState.isSubmitting}
        action="Record the destruction"
        busy="Recording…"
        danger
        onCancel={onClose}
      >
        <div className="form-grid">
          <TextField
            id="destroy-volume"
            label="Volume destroyed (mL)"
            inputMode="decimal"
            autoComplete="off"
            className="input-short"
            registration={register('volumeMl')}
            error={formState.errors.volumeMl?.message}
          />
          <TextField
            id="destroy-method"
            label="Method of destruction"
            hint="e.g. Chemical denaturing kit."
            autoComplete="off"
            dir="auto"
            registration={register('method')}
            error={formState.errors.method?.message}
          />
        </div>
        <TextArea
          id="destroy-reason"
          label="Reason"
          rows={2}
          dir="auto"
          registration={register('reason')}
          error={formState.errors.reason?.message}
        />
        <SecondPersonFields
          id="destroy-witness"
          who="Witness"
          hint="Another nurse or physician watches the destruction and types their own user ID and password."
          username={register('witness.username')}
          password={register('witness.password')}
          errors={formState.errors.witness}
        />
      </DialogForm>
    </Dialog>
  );
}
