import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { ConsentSettings } from '../../../../contract/consent-methods';
import type { ConsentRequirement } from '../../../../domain/consent';
import { useApi } from '../../../app/sign-in-context';
import { Notice } from '../../../components/Notice';
import { RadioGroup } from '../../../components/RadioGroup';
import { isStaleSave, StaleSaveNotice } from '../../../components/StaleSaveNotice';

export const consentRuleOptions: readonly { value: ConsentRequirement; label: string }[] = [
  { value: 'required', label: 'Refuse to start an infusion without a current consent (recommended)' },
  { value: 'warn', label: 'Warn, and ask the nurse to say why' },
];

/** The clinic's rule before an infusion: refuse without a current consent, or warn and ask why. */
export function ConsentRuleForm({
  settings,
  version,
  onSaved,
  onLoadLatest,
}: {
  settings: ConsentSettings;
  version: number;
  onSaved: () => void;
  onLoadLatest: () => void;
}) {
  const api = useApi();
  const [stale, setStale] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const { register, handleSubmit, formState } = useForm<ConsentSettings>({ values: settings });
  const submit = handleSubmit(async (values) => {
    setMessage(null);
    const result = await api.call('consents.saveSettings', { settings: values, expectedVersion: version });
    if (result.ok) {
      setMessage({
        tone: 'success',
        text:
          result.value.settings.requirement === 'required'
            ? 'Saved: an infusion without a current consent is refused.'
            : 'Saved: an infusion without a current consent is warned of, and the nurse says why.',
      });
      onSaved();
    } else if (isStaleSave(result.error)) setStale(result.error.message);
    else setMessage({ tone: 'error', text: result.error.message });
  });
  return (
    <section className="card" aria-labelledby="consent-rule-title">
      <h2 id="consent-rule-title">Before an infusion</h2>
      {stale !== null && (
        <StaleSaveNotice
          message={stale}
          replaces="the choice made here"
          onLoadLatest={() => {
            setStale(null);
            onLoadLatest();
          }}
        />
      )}
      <div aria-live="polite">{message !== null && <Notice tone={message.tone}>{message.text}</Notice>}</div>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <RadioGroup
          id="consent-rule-requirement"
          legend="When a patient has no current consent for the series"
          hint="A warning is kept in the infusion's audit entry, with the reason the nurse gives."
          registration={register('requirement')}
          options={consentRuleOptions}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Saving…' : 'Save the rule'}
          </button>
        </div>
      </form>
    </section>
  );
}
