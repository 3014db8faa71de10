import { useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm, useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import type { MethodOutput } from '../../../contract/methods';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { formatDate } from '../../../domain/time';
import { clinicToday } from '../../lib/clinic-today';
import { useFormProblems } from '../../lib/use-form-problems';
import { ReceiptFields } from './ReceiptFields';
import { ReceivedContainers } from './ReceivedContainers';
import type { ReceiptValues } from './receipt-form';
import { emptyReceipt, receiptFields, receiptFrom } from './receipt-form';
import { showIssues, showRefusal } from './register-form';

/**
 * Records a delivery of a controlled substance, checked by a second person; afterwards shows
 * the new containers' labels so that staff can write them on the vials.
 */
export function ReceiptPage() {
  const formulary = useCall('formulary.get', {});
  const [saved, setSaved] = useState<MethodOutput<'register.receive'> | null>(null);
  return (
    <div className="page page-narrow">
      <p className="breadcrumb">
        <Link to="/register">Register</Link>
      </p>
      <PageHeading title="Record a receipt" />
      {saved !== null ? (
        <ReceivedContainers saved={saved} onAnother={() => setSaved(null)} />
      ) : (
        <>
          <LoadState loaded={formulary.loaded} what="formulary" />
          {formulary.loaded.status === 'ready' && (
            <ReceiptForm formulary={formulary.loaded.value.content} onSaved={setSaved} />
          )}
        </>
      )}
    </div>
  );
}

function ReceiptForm({
  formulary,
  onSaved,
}: {
  formulary: MethodOutput<'formulary.get'>['content'];
  onSaved: (saved: MethodOutput<'register.receive'>) => void;
}) {
  const api = useApi();
  const { clinic } = useSignedIn();
  const form = useForm<ReceiptValues>({
    defaultValues: emptyReceipt(formatDate(clinicToday(clinic.timeZone))),
    shouldFocusError: false,
  });
  const { handleSubmit, setError, clearErrors, setFocus, formState, control } = form;
  const drugId = useWatch({ control, name: 'drugId' });
  const { problems, attempt, fail } = useFormProblems(formState.errors);

  const submit = handleSubmit(async (values) => {
    clearErrors();
    const { input, issues } = receiptFrom(values, clinicToday(clinic.timeZone));
    if (input === null) {
      fail(showIssues(issues, setError, receiptFields, ['checker']));
      return;
    }
    const result = await api.call('register.receive', input);
    if (result.ok) onSaved(result.value);
    else fail(showRefusal(result.error, setError, receiptFields, ['checker']));
  });

  return (
    <section className="card" aria-labelledby="receipt-form-title">
      <h2 id="receipt-form-title" className="visually-hidden">
        Delivery
      </h2>
      <ErrorSummary
        problems={problems}
        attempt={attempt}
        onSelect={(path) => setFocus(path as FieldPath<ReceiptValues>)}
      />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ReceiptFields form={form} formulary={formulary} drugId={drugId} />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Recording…' : 'Record the receipt'}
          </button>
          <Link className="button button-secondary" to="/register">
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}
