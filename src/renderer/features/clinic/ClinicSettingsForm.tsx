import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { Clinic } from '../../../domain/clinic';
import { clinicSettingsSchema } from '../../../domain/clinic';
import { formatDateTime } from '../../../domain/time';
import { useSignIn } from '../../app/sign-in-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { applyServerIssues } from '../../lib/form-errors';
import { plainZodMessage } from '../../lib/plain-zod-messages';
import { useFormProblems } from '../../lib/use-form-problems';
import { withFieldMessages } from '../../lib/with-field-messages';

type SettingsValues = z.input<typeof clinicSettingsSchema>;
type Settings = z.output<typeof clinicSettingsSchema>;

const resolver = withFieldMessages(zodResolver(clinicSettingsSchema, { error: plainZodMessage }), {
  autoLockMinutes: 'Enter the number of minutes, from 1 to 60',
});

export function ClinicSettingsForm({ clinic, onSaved }: { clinic: Clinic; onSaved: (clinic: Clinic) => void }) {
  const { api, refresh } = useSignIn();
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, formState, setError, setFocus, reset } = useForm<SettingsValues, unknown, Settings>({
    resolver,
    defaultValues: {
      name: clinic.name,
      address: clinic.address,
      timeZone: clinic.timeZone,
      autoLockMinutes: clinic.autoLockMinutes,
    },
    shouldFocusError: false,
  });
  const { problems, attempt, fail } = useFormProblems(formState.errors);
  const errors = formState.errors;

  const submit = handleSubmit(
    async (values) => {
      setSaved(false);
      const result = await api.call('clinic.update', values);
      if (result.ok) {
        setSaved(true);
        const { name, address, timeZone, autoLockMinutes } = result.value;
        reset({ name, address, timeZone, autoLockMinutes });
        onSaved(result.value);
        // The top bar and every time on screen follow the new name and zone.
        await refresh();
        return;
      }
      const unmatched = applyServerIssues(result.error, setError, ['name', 'address', 'timeZone', 'autoLockMinutes']);
      fail(unmatched.length > 0 || result.error.issues === undefined ? [result.error.message] : []);
    },
    () => fail(),
  );

  return (
    <section className="card" aria-labelledby="clinic-settings-title">
      <h2 id="clinic-settings-title" className="visually-hidden">
        Settings
      </h2>
      {saved && (
        <Notice tone="success" live="status">
          Settings saved.
        </Notice>
      )}
      <ErrorSummary
        problems={problems}
        attempt={attempt}
        onSelect={(path) => setFocus(path as FieldPath<SettingsValues>)}
      />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="clinic-name"
          label="Clinic name"
          dir="auto"
          registration={register('name')}
          error={errors.name?.message}
        />
        <TextField
          id="clinic-address"
          label="Address"
          optional
          dir="auto"
          registration={register('address')}
          error={errors.address?.message}
        />
        <TimeZoneSelect
          id="clinic-zone"
          current={clinic.timeZone}
          registration={register('timeZone')}
          error={errors.timeZone?.message}
        />
        <TextField
          id="clinic-auto-lock"
          label="Auto-lock after (minutes)"
          hint="The screen locks after this many minutes without keyboard or mouse use. From 1 to 60."
          type="number"
          inputMode="numeric"
          min={1}
          max={60}
          step={1}
          className="input-short"
          registration={register('autoLockMinutes', { valueAsNumber: true })}
          error={errors.autoLockMinutes?.message}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Saving…' : 'Save settings'}
          </button>
        </div>
        <p className="hint">Last changed {formatDateTime(clinic.updatedAt, clinic.timeZone)}</p>
      </form>
    </section>
  );
}
