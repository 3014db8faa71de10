import { useForm, useWatch } from 'react-hook-form';
import { DateTextField } from '../../components/DateTextField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useFormProblems } from '../../lib/use-form-problems';
import type { AuditFilter, AuditFilterValues } from './audit-filter-form';
import { auditFilterOf, noAuditFilter } from './audit-filter-form';

/**
 * The audit log's filters: days in the clinic's time zone, who, what and on which record. They
 * run in the database; the page reads the newest matching entries and pages back from there.
 */
export function AuditFilters({
  actors,
  clinicTimeZone,
  busy,
  onApply,
}: {
  actors: readonly { userId: number; name: string }[];
  clinicTimeZone: string;
  busy: boolean;
  onApply: (filter: AuditFilter) => void;
}) {
  const { register, handleSubmit, formState, setError, setFocus, reset, control, clearErrors } =
    useForm<AuditFilterValues>({
      defaultValues: noAuditFilter,
      shouldFocusError: false,
    });
  const typed = useWatch({ control });
  const { problems, attempt, fail } = useFormProblems(formState.errors);
  const submit = handleSubmit((values) => {
    const read = auditFilterOf(values);
    if (!read.ok) {
      for (const problem of read.problems) setError(problem.field, { type: 'filter', message: problem.message });
      fail();
      return;
    }
    onApply(read.filter);
  });
  return (
    <form
      className="audit-filters"
      aria-labelledby="audit-filters-title"
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <h3 id="audit-filters-title">Filter entries</h3>
      <ErrorSummary
        problems={problems}
        attempt={attempt}
        onSelect={(path) => setFocus(path as keyof AuditFilterValues)}
        title="The filters cannot be applied"
      />
      <div className="form-grid">
        <DateTextField
          id="audit-from"
          label="From day"
          registration={register('from')}
          typed={typed.from ?? ''}
          error={formState.errors.from?.message}
          hint={`Included; days in ${clinicTimeZone}.`}
        />
        <DateTextField
          id="audit-to"
          label="To day"
          registration={register('to')}
          typed={typed.to ?? ''}
          error={formState.errors.to?.message}
          hint="Included."
        />
      </div>
      <div className="form-grid">
        <SelectField id="audit-actor" label="Actor" registration={register('actorUserId')}>
          <option value="">Anyone</option>
          {actors.map((actor) => (
            <option key={actor.userId} value={String(actor.userId)}>
              {actor.name}
            </option>
          ))}
        </SelectField>
        <TextField
          id="audit-action"
          label="Action"
          registration={register('action')}
          optional
          hint="Exactly as listed, e.g. record.signed."
          autoComplete="off"
        />
        <TextField
          id="audit-entity-type"
          label="Entity type"
          registration={register('entityType')}
          optional
          hint="e.g. patient, session, record."
          autoComplete="off"
        />
        <TextField
          id="audit-entity-id"
          label="Entity ID"
          registration={register('entityId')}
          optional
          autoComplete="off"
        />
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Apply filters
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => {
            reset(noAuditFilter);
            clearErrors();
            onApply({});
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
