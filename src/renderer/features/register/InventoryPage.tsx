import { useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { MethodOutput } from '../../../contract/methods';
import type { RegisterOverview } from '../../../contract/register-methods';
import { inventoryKindLabels, inventoryKinds } from '../../../domain/register';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroup } from '../../components/RadioGroup';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { serverNow } from '../../lib/server-clock';
import { useFormProblems } from '../../lib/use-form-problems';
import { occurredAtValues } from '../sessions/occurred-at';
import { CountResult } from './CountResult';
import { CountRows } from './CountRows';
import type { InventoryValues } from './inventory-form';
import { emptyInventory, inventoryFields, inventoryFrom } from './inventory-form';
import { showIssues, showRefusal } from './register-form';
import { SecondPersonFields } from './SecondPersonFields';

/** An inventory: two people count every container on hand; the app compares with the expected balance. */
export function InventoryPage() {
  const overview = useCall('register.overview', {});
  const [saved, setSaved] = useState<MethodOutput<'register.inventory'> | null>(null);
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/register">Register</Link>
      </p>
      <PageHeading title="Count (inventory)" />
      {saved !== null && overview.loaded.status === 'ready' ? (
        <CountResult saved={saved} containers={overview.loaded.value.onHand} />
      ) : (
        <>
          <LoadState loaded={overview.loaded} what="containers on hand" />
          {overview.loaded.status === 'ready' && (
            <InventoryForm containers={overview.loaded.value.onHand} onSaved={setSaved} />
          )}
        </>
      )}
    </div>
  );
}

export function InventoryForm({
  containers,
  onSaved,
}: {
  containers: RegisterOverview['onHand'];
  onSaved: (saved: MethodOutput<'register.inventory'>) => void;
}) {
  const api = useApi();
  const { clinic } = useSignedIn();
  const form = useForm<InventoryValues>({
    defaultValues: emptyInventory(containers, occurredAtValues(serverNow(), clinic.timeZone)),
    shouldFocusError: false,
  });
  const { register, handleSubmit, setError, clearErrors, setFocus, formState } = form;
  const errors = formState.errors;
  const { problems, attempt, fail } = useFormProblems(errors);
  const submit = handleSubmit(async (values) => {
    clearErrors();
    const { input, issues } = inventoryFrom(values, containers, clinic.timeZone, serverNow().getTime());
    if (input === null) {
      fail(showIssues(issues, setError, inventoryFields, ['secondCounter']));
      return;
    }
    const result = await api.call('register.inventory', input);
    if (result.ok) onSaved(result.value);
    else fail(showRefusal(result.error, setError, inventoryFields, ['secondCounter']));
  });
  if (containers.length === 0) return <p>No container holds drug, so there is nothing to count.</p>;
  return (
    <section className="card" aria-labelledby="count-form-title">
      <h2 id="count-form-title" className="visually-hidden">
        Counts
      </h2>
      <ErrorSummary
        problems={problems}
        attempt={attempt}
        onSelect={(path) => setFocus(path as FieldPath<InventoryValues>)}
      />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <RadioGroup
          id="count-kind"
          legend="Kind of inventory"
          hint="An initial or biennial inventory counts every container on hand; an ad hoc count may leave some out."
          registration={register('kind')}
          options={inventoryKinds.map((kind) => ({ value: kind, label: inventoryKindLabels[kind] }))}
          error={errors.kind?.message}
          inline
        />
        <div className="form-grid">
          <TextField
            id="count-date"
            label={`Counted on (${clinic.timeZone})`}
            hint="dd-Mmm-yyyy or yyyy-mm-dd."
            autoComplete="off"
            className="input-medium"
            registration={register('countedAt.date')}
            error={errors.countedAt?.date?.message}
          />
          <TextField
            id="count-time"
            label="At (24-hour clock)"
            hint="e.g. 17:30, the clinic’s time."
            autoComplete="off"
            className="input-short"
            registration={register('countedAt.time')}
            error={errors.countedAt?.time?.message}
          />
        </div>
        <CountRows containers={containers} form={form} />
        <TextArea
          id="count-notes"
          label="Notes"
          optional
          registration={register('notes')}
          error={errors.notes?.message}
        />
        <SecondPersonFields
          id="count-second"
          who="Second counter"
          hint="Another nurse or physician counts with you and types their own user ID and password."
          username={register('secondCounter.username')}
          password={register('secondCounter.password')}
          errors={errors.secondCounter}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Recording…' : 'Record the count'}
          </button>
          <Link className="button button-secondary" to="/register">
            Cancel
          </Link>
        </div>
      </form>
    </section>
  );
}
