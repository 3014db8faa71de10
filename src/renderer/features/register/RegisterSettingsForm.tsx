import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { RegisterSettings } from '../../../domain/register';
import { registerRoles, registerSettingsSchema } from '../../../domain/register';
import { roleLabels } from '../../../domain/roles';
import { useApi } from '../../app/sign-in-context';
import { Notice } from '../../components/Notice';
import { isStaleSave, StaleSaveNotice } from '../../components/StaleSaveNotice';
import { TextField } from '../../components/TextField';
import { schemaIssues, showIssues } from './register-form';

type Duty = 'receiptRoles' | 'inventoryRoles' | 'destructionRoles';
type RegisterRole = (typeof registerRoles)[number];

export interface SettingsValues {
  registrantName: string;
  registrationNumber: string;
  inUseLimitDays: string;
  receiptRoles: RegisterRole[];
  inventoryRoles: RegisterRole[];
  destructionRoles: RegisterRole[];
}

const duties: readonly { key: Duty; legend: string }[] = [
  { key: 'receiptRoles', legend: 'Who may record receipts' },
  { key: 'inventoryRoles', legend: 'Who may record inventories' },
  { key: 'destructionRoles', legend: 'Who may record returns and destruction' },
];
const fields = ['registrantName', 'registrationNumber', 'inUseLimitDays', ...duties.map((duty) => duty.key)];

export function settingsValues(settings: RegisterSettings): SettingsValues {
  return {
    ...settings,
    inUseLimitDays: settings.inUseLimitDays === null ? '' : String(settings.inUseLimitDays),
    receiptRoles: [...settings.receiptRoles],
    inventoryRoles: [...settings.inventoryRoles],
    destructionRoles: [...settings.destructionRoles],
  };
}

/** The settings as typed, through the domain schema; an empty in-use limit is "not set". */
export function settingsFrom(values: SettingsValues) {
  const days = values.inUseLimitDays.trim();
  const noted =
    days !== '' && !/^\d+$/.test(days)
      ? [{ path: 'inUseLimitDays', message: 'Enter whole days, e.g. 28, or leave it empty' }]
      : [];
  const parsed = registerSettingsSchema.safeParse({
    ...values,
    inUseLimitDays: days === '' || noted.length > 0 ? null : Number(days),
  });
  const issues = [...noted, ...(parsed.success ? [] : schemaIssues(parsed.error, noted))];
  return issues.length === 0 && parsed.success ? { settings: parsed.data, issues } : { settings: null, issues };
}

/** The administrator's register settings: the registrant, the in-use limit, who may do what. */
export function RegisterSettingsForm({
  settings,
  version,
  onSaved,
  onLoadLatest,
}: {
  settings: RegisterSettings;
  version: number;
  onSaved: () => void;
  onLoadLatest: () => void;
}) {
  const api = useApi();
  const [stale, setStale] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, formState, setError, clearErrors } = useForm<SettingsValues>({
    values: settingsValues(settings),
  });
  const errors = formState.errors;
  const submit = handleSubmit(async (values) => {
    clearErrors();
    setMessage(null);
    const { settings: next, issues } = settingsFrom(values);
    if (next === null) {
      const rest = showIssues(issues, setError, fields);
      if (rest.length > 0) setMessage({ tone: 'error', text: rest.join(' ') });
      return;
    }
    const result = await api.call('register.settings.update', { settings: next, expectedVersion: version });
    if (result.ok) {
      setMessage({ tone: 'success', text: 'The register settings are saved.' });
      onSaved();
    } else if (isStaleSave(result.error)) setStale(result.error.message);
    else setMessage({ tone: 'error', text: result.error.message });
  });
  return (
    <section className="card" aria-labelledby="register-settings-title" id="register-settings">
      <h2 id="register-settings-title">Register settings</h2>
      {stale !== null && (
        <StaleSaveNotice
          message={stale}
          replaces="the settings typed here"
          onLoadLatest={() => {
            setStale(null);
            onLoadLatest();
          }}
        />
      )}
      <div aria-live="polite">{message !== null && <Notice tone={message.tone}>{message.text}</Notice>}</div>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-grid">
          <TextField
            id="register-registrant"
            label="Registrant"
            hint="Usually the medical director; printed on every register report."
            autoComplete="off"
            dir="auto"
            registration={register('registrantName')}
            error={errors.registrantName?.message}
          />
          <TextField
            id="register-registration"
            label="Registration number"
            autoComplete="off"
            className="input-medium"
            registration={register('registrationNumber')}
            error={errors.registrationNumber?.message}
          />
          <TextField
            id="register-in-use-days"
            label="In-use limit after opening (days)"
            hint="As your clinic’s policy or the label says. Leave empty if not set: then only expiry is warned of."
            inputMode="numeric"
            autoComplete="off"
            className="input-short"
            registration={register('inUseLimitDays')}
            error={errors.inUseLimitDays?.message}
          />
        </div>
        <div className="register-duties">
          {duties.map((duty) => (
            <fieldset key={duty.key} className="field register-duty" id={`register-${duty.key}`}>
              <legend className="field-label">{duty.legend}</legend>
              {errors[duty.key]?.message !== undefined && <p className="field-error">{errors[duty.key]?.message}</p>}
              {registerRoles.map((role) => (
                <label className="checkbox" key={role} htmlFor={`register-${duty.key}-${role}`}>
                  <input id={`register-${duty.key}-${role}`} type="checkbox" value={role} {...register(duty.key)} />
                  <span>{roleLabels[role]}</span>
                </label>
              ))}
            </fieldset>
          ))}
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Saving…' : 'Save the register settings'}
          </button>
        </div>
      </form>
    </section>
  );
}
