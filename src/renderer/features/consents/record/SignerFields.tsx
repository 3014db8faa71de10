import type { UseFormRegister } from 'react-hook-form';
import { RadioGroup } from '../../../components/RadioGroup';
import { TextField } from '../../../components/TextField';
import type { FieldMessages } from '../../../lib/field-messages';
import { fieldId } from '../../../lib/focus-field';
import type { ConsentFormValues } from './consent-form';

const signerOptions = [
  { value: 'patient', label: 'The patient' },
  { value: 'representative', label: 'A legally authorised representative' },
] as const;

/** Who signs (the patient, or a representative with their relationship), and the name they type. */
export function SignerFields({
  prefix,
  patientName,
  kind,
  register,
  messages,
}: {
  prefix: string;
  /** "RUIZ, Ana María", as the banner shows it. */
  patientName: string;
  kind: ConsentFormValues['signer']['kind'];
  register: UseFormRegister<ConsentFormValues>;
  messages: FieldMessages;
}) {
  return (
    <section className="consent-signer" aria-labelledby={fieldId(prefix, 'signer-title')}>
      <h2 id={fieldId(prefix, 'signer-title')}>Signer</h2>
      <RadioGroup
        id={fieldId(prefix, 'signer.kind')}
        legend="Who signs"
        registration={register('signer.kind')}
        options={signerOptions}
        inline
      />
      {kind === 'representative' && (
        <div className="form-grid">
          <TextField
            id={fieldId(prefix, 'signer.name')}
            label="Representative’s full name"
            autoComplete="off"
            registration={register('signer.name')}
            error={messages.get('signer.name')}
          />
          <TextField
            id={fieldId(prefix, 'signer.relationship')}
            label="Relationship to the patient"
            hint="For example: spouse, parent, court-appointed guardian"
            autoComplete="off"
            registration={register('signer.relationship')}
            error={messages.get('signer.relationship')}
          />
        </div>
      )}
      <TextField
        id={fieldId(prefix, 'typedName')}
        label="Type your full name"
        hint={
          kind === 'patient'
            ? `The patient types their own name (${patientName}).`
            : 'The representative types their own full name, as entered above.'
        }
        autoComplete="off"
        spellCheck={false}
        className="consent-typed-name"
        registration={register('typedName')}
        error={messages.get('typedName')}
      />
    </section>
  );
}
