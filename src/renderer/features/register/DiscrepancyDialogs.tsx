import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  discrepancyCategories,
  discrepancyCategoryLabels,
  explainInputSchema,
  reviewInputSchema,
} from '../../../domain/register';
import { useApi } from '../../app/sign-in-context';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { checkInput, refusalMessage } from './dialog-submit';
import type { Discrepancy } from './DiscrepancyList';
import { entryDetailLines } from './register-words';

function DiscrepancyFacts({ discrepancy }: { discrepancy: Discrepancy }) {
  return (
    <div className="register-dialog-facts">
      <p>
        <strong>{discrepancy.containerLabel}</strong>, counted by {discrepancy.count.printedName}
        {discrepancy.count.witnessPrintedName !== null && ` and ${discrepancy.count.witnessPrintedName}`}
      </p>
      {entryDetailLines(discrepancy.count).map((line) => (
        <p key={line}>{line}</p>
      ))}
      {discrepancy.explanation !== null && (
        <p>
          Explained by {discrepancy.explanation.printedName}:{' '}
          <span dir="auto">{discrepancy.explanation.reason ?? 'Not known'}</span>
        </p>
      )}
    </div>
  );
}

interface ExplainValues {
  category: string;
  explanation: string;
}

/** Explains a discrepancy; spillage, loss and theft write the missing drug off. */
export function ExplainDialog({
  discrepancy,
  onClose,
  onDone,
}: {
  discrepancy: Discrepancy;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const api = useApi();
  const [problem, setProblem] = useState<string | undefined>();
  const fields = ['category', 'explanation'];
  const { register, handleSubmit, formState, setError, clearErrors } = useForm<ExplainValues>({
    defaultValues: { category: '', explanation: '' },
  });
  const submit = handleSubmit(async (values) => {
    clearErrors();
    setProblem(undefined);
    const noted = values.category === '' ? [{ path: 'category', message: 'Choose what happened' }] : [];
    const input = checkInput(
      explainInputSchema,
      { countEntryId: discrepancy.count.id, ...values },
      noted,
      setError,
      fields,
      (messages) => setProblem(messages.length === 0 ? undefined : messages.join(' ')),
    );
    if (input === null) return;
    const result = await api.call('register.explain', input);
    if (result.ok) onDone(`The discrepancy of ${discrepancy.containerLabel} is explained.`);
    else setProblem(refusalMessage(result.error, setError, fields));
  });
  return (
    <Dialog title={`Explain the discrepancy of ${discrepancy.containerLabel}`} onClose={onClose}>
      <DiscrepancyFacts discrepancy={discrepancy} />
      <DialogForm
        problem={problem}
        onSubmit={submit}
        submitting={formState.isSubmitting}
        action="Record the explanation"
        busy="Recording…"
        onCancel={onClose}
      >
        <SelectField
          id="explain-category"
          label="What happened"
          hint="Spillage, loss and theft write the missing drug off, so the balance equals the count."
          registration={register('category')}
          error={formState.errors.category?.message}
        >
          <option value="">Choose what happened</option>
          {discrepancyCategories.map((category) => (
            <option key={category} value={category}>
              {discrepancyCategoryLabels[category]}
            </option>
          ))}
        </SelectField>
        <TextArea
          id="explain-text"
          label="Explanation"
          dir="auto"
          registration={register('explanation')}
          error={formState.errors.explanation?.message}
        />
      </DialogForm>
    </Dialog>
  );
}

/** A physician's review of a discrepancy: the flag on the Register page clears once reviewed. */
export function ReviewDialog({
  discrepancy,
  onClose,
  onDone,
}: {
  discrepancy: Discrepancy;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const api = useApi();
  const [problem, setProblem] = useState<string | undefined>();
  const fields = ['note'];
  const { register, handleSubmit, formState, setError, clearErrors } = useForm<{ note: string }>({
    defaultValues: { note: '' },
  });
  const submit = handleSubmit(async (values) => {
    clearErrors();
    setProblem(undefined);
    const input = checkInput(
      reviewInputSchema,
      { countEntryId: discrepancy.count.id, ...values },
      [],
      setError,
      fields,
      (messages) => setProblem(messages.length === 0 ? undefined : messages.join(' ')),
    );
    if (input === null) return;
    const result = await api.call('register.review', input);
    if (result.ok) onDone(`The discrepancy of ${discrepancy.containerLabel} is reviewed.`);
    else setProblem(refusalMessage(result.error, setError, fields));
  });
  return (
    <Dialog title={`Review the discrepancy of ${discrepancy.containerLabel}`} onClose={onClose}>
      <DiscrepancyFacts discrepancy={discrepancy} />
      <DialogForm
        problem={problem}
        onSubmit={submit}
        submitting={formState.isSubmitting}
        action="Record the review"
        busy="Recording…"
        onCancel={onClose}
      >
        <TextArea
          id="review-note"
          label="Physician’s note"
          dir="auto"
          registration={register('note')}
          error={formState.errors.note?.message}
        />
      </DialogForm>
    </Dialog>
  );
}
