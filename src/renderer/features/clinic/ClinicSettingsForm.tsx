import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useController, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { Clinic } from '../../../domain/clinic';
import { clinicSettingsFormSchema } from '../../../domain/clinic';
import { formatDateTime } from '../../../domain/time';
import { readTimeZoneName } from '../../../domain/time-zones';
import { useSignIn } from '../../app/sign-in-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { applyServerIssues } from '../../lib/form-errors';
import { plainZodMessage } from '../../lib/plain-zod-messages';
import { initialZoneOf, savedTimeZoneNote } from '../../lib/time-zones';
import { isStaleSave, StaleSaveNotice } from '../../components/StaleSaveNotice';
import { useFormProblems } from '../../lib/use-form-problems';
import { withFieldMessages } from '../../lib/with-field-messages';
import { WeightCheckSettingsFieldset } from './WeightCheckSettingsFieldset';

type SettingsValues = z.input<typeof clinicSettingsFormSchema>;
type Settings = z.output<typeof clinicSettingsFormSchema>;

const resolver = withFieldMessages(zodResolver(clinicSettingsFormSchema, { error: plainZodMessage }), {
  autoLockMinutes: 'Enter the number of minutes, from 1 to 60',
  weightChangePercent: 'Enter a whole percentage, from 1 to 100',
  weightChangeDays: 'Enter the number of days, from 1 to 3650',
  weightPlausibleMinKg: 'Enter the lowest plausible weight in whole kg',
  weightPlausibleMaxKg: 'Enter the highest plausible weight in whole kg',
});
const weightCheckFields = [
  'weightChangePercent',
  'weightChangeDays',
  'weightPlausibleMinKg',
  'weightPlausibleMaxKg',
] as const;

export function ClinicSettingsForm({ clinic, onSaved }: { clinic: Clinic; onSaved: (clinic: Clinic) => void }) {
  const { api, refresh } = useSignIn();
  const [saved, setSaved] = useState(false);
  // A save refused because another administrator saved since: kept until the latest is loaded.
  const [stale, setStale] = useState<string | null>(null);
  // A zone saved under a legacy name is shown, and saved again, under its current name.
  const savedZone = readTimeZoneName(clinic.timeZone);
  const { register, handleSubmit, formState, setError, setFocus, reset, control } = useForm<
    SettingsValues,
    unknown,
    Settings
  >({
    resolver,
    defaultValues: {
      name: clinic.name,
      address: clinic.address,
      timeZone: initialZoneOf(savedZone),
      autoLockMinutes: clinic.autoLockMinutes,
      weightChangePercent: clinic.weightChangePercent,
      weightChangeDays: clinic.weightChangeDays,
      weightPlausibleMinKg: clinic.weightPlausibleMinKg,
      weightPlausibleMaxKg: clinic.weightPlausibleMaxKg,
    },
    shouldFocusError: false,
  });
  const { field: zone } = useController({ control, name: 'timeZone' });
  const { problems, attempt, fail } = useFormProblems(formState.errors);
  const errors = formState.errors;

  // The form and the page take what is stored: after a save, or when the latest is loaded.
  const showStored = (stored: Clinic) => {
    const { name, address, timeZone, autoLockMinutes } = stored;
    const { weightChangePercent, weightChangeDays, weightPlausibleMinKg, weightPlausibleMaxKg } = stored;
    reset({
      name,
      address,
      timeZone,
      autoLockMinutes,
      weightChangePercent,
      weightChangeDays,
      weightPlausibleMinKg,
      weightPlausibleMaxKg,
    });
    onSaved(stored);
  };
  const loadLatest = async () => {
    const result = await api.call('clinic.get', {});
    if (!result.ok) return fail([result.error.message]);
    setStale(null);
    showStored(result.value);
    await refresh();
  };

  const submit = handleSubmit(
    async (values) => {
      setSaved(false);
      const result = await api.call('clinic.update', { ...values, expectedUpdatedAt: clinic.updatedAt });
      if (!result.ok && isStaleSave(result.error)) {
        setStale(result.error.message);
        return;
      }
      if (result.ok) {
        setSaved(true);
        showStored(result.value);
        // The top bar and every time on screen follow the new name and zone.
        await refresh();
        return;
      }
      const unmatched = applyServerIssues(result.error, setError, [
        'name',
        'address',
        'timeZone',
        'autoLockMinutes',
        ...weightCheckFields,
      ]);
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
      {stale !== null && <StaleSaveNotice message={stale} onLoadLatest={() => void loadLatest()} />}
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
          value={zone.value}
          onChange={zone.onChange}
          onBlur={zone.onBlur}
          inputRef={zone.ref}
          error={errors.timeZone?.message}
          note={zone.value === initialZoneOf(savedZone) ? savedTimeZoneNote(savedZone) : undefined}
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
        <WeightCheckSettingsFieldset
          register={(name) => register(name, { valueAsNumber: true })}
          errors={Object.fromEntries(weightCheckFields.map((name) => [name, errors[name]?.message]))}
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
