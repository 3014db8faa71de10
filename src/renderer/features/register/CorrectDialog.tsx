import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ContainerView, RegisterEntryView } from '../../../domain/register';
import { correctionInputSchema } from '../../../domain/register';
import { formatDateTime } from '../../../domain/time';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { LoadState } from '../../components/LoadState';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { serverNow } from '../../lib/server-clock';
import { checkInput, refusalMessage } from './dialog-submit';
import { balanceText, correctableKinds, entryKindLabels, signedQuantity } from './register-words';

interface CorrectValues {
  entryId: string;
  direction: string;
  volumeMl: string;
  reason: string;
}
const fields = ['entryId', 'direction', 'volumeMl', 'reason'];

/** "Drawn for a session, 07-Dec-2026 09:15 UTC−05:00, −0.72 mL (entry 12)" */
export function entryChoiceText(entry: RegisterEntryView, zone: string): string {
  const amount = entry.kind === 'wasted' ? '' : `, ${signedQuantity(entry.delta.ml, 'mL')}`;
  return `${entryKindLabels[entry.kind]}, ${formatDateTime(entry.occurredAt, zone)}${amount} (entry ${entry.id})`;
}

/** A correction is a new entry naming the one it corrects, with the reason; the original stays. */
export function CorrectDialog({
  container,
  entryId,
  onClose,
  onDone,
}: {
  container: ContainerView;
  /** Chosen already when the dialog opens from an entry in the history. */
  entryId?: number;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const api = useApi();
  const { clinic } = useSignedIn();
  const history = useCall('register.container', { containerId: container.id });
  const [problem, setProblem] = useState<string | undefined>();
  const { register, handleSubmit, formState, setError, clearErrors } = useForm<CorrectValues>({
    defaultValues: { entryId: entryId === undefined ? '' : String(entryId), direction: '', volumeMl: '', reason: '' },
  });
  const entries =
    history.loaded.status === 'ready' ? history.loaded.value.entries.filter((e) => correctableKinds.has(e.kind)) : [];
  const submit = handleSubmit(async (values) => {
    clearErrors();
    setProblem(undefined);
    const noted = [
      ...(values.entryId === '' ? [{ path: 'entryId', message: 'Choose the entry to correct' }] : []),
      ...(values.direction === ''
        ? [{ path: 'direction', message: 'Say whether it should have been more or less' }]
        : []),
    ];
    const input = checkInput(
      correctionInputSchema,
      { ...values, entryId: Number(values.entryId), occurredAt: serverNow().toISOString() },
      noted,
      setError,
      fields,
      (messages) => setProblem(messages.length === 0 ? undefined : messages.join(' ')),
    );
    if (input === null) return;
    const result = await api.call('register.correct', input);
    if (result.ok) {
      onDone(`${container.label}: the correction is recorded. Balance now ${balanceText(result.value.entry.balance)}.`);
    } else setProblem(refusalMessage(result.error, setError, fields));
  });
  return (
    <Dialog title={`Correct an entry of ${container.label}`} onClose={onClose} wide>
      <p>The entry stays as it was; the correction is a new entry that names it, with your reason.</p>
      <LoadState loaded={history.loaded} what="container’s entries" />
      <DialogForm
        problem={problem}
        onSubmit={submit}
        submitting={formState.isSubmitting}
        action="Record the correction"
        busy="Recording…"
        onCancel={onClose}
      >
        <SelectField
          id="correct-entry"
          label="Entry to correct"
          registration={register('entryId')}
          error={formState.errors.entryId?.message}
        >
          <option value="">Choose the entry</option>
          {entries.map((entry) => (
            <option key={entry.id} value={String(entry.id)}>
              {entryChoiceText(entry, clinic.timeZone)}
            </option>
          ))}
        </SelectField>
        <RadioGroup
          id="correct-direction"
          legend="The amount recorded was"
          registration={register('direction')}
          options={[
            { value: 'more', label: 'Too low: it should have been more' },
            { value: 'less', label: 'Too high: it should have been less' },
          ]}
          error={formState.errors.direction?.message}
        />
        <TextField
          id="correct-volume"
          label="By how much (mL)"
          inputMode="decimal"
          autoComplete="off"
          className="input-short"
          registration={register('volumeMl')}
          error={formState.errors.volumeMl?.message}
        />
        <TextArea
          id="correct-reason"
          label="Reason for the correction"
          hint="e.g. Drew 0.8 mL, charted 0.72 mL."
          dir="auto"
          registration={register('reason')}
          error={formState.errors.reason?.message}
        />
      </DialogForm>
    </Dialog>
  );
}
