import type { UseFormRegister } from 'react-hook-form';
import { formatPrintedName } from '../../../../domain/user';
import type { User } from '../../../../domain/user';
import { WitnessFields } from '../../sessions/WitnessFields';
import { TextField } from '../../../components/TextField';
import type { FieldMessages } from '../../../lib/field-messages';
import { fieldId } from '../../../lib/focus-field';
import type { ConsentFormValues } from './consent-form';

/**
 * The clinician completes the consent with their electronic signature, meaning "obtained
 * consent" (user ID too at the first signing of a sign-in); a witness signs in beside them
 * where the clinic's document requires one.
 */
export function ClinicianFields({
  prefix,
  user,
  askUserId,
  witnessRequired,
  register,
  messages,
}: {
  prefix: string;
  user: Pick<User, 'displayName' | 'credentials'>;
  askUserId: boolean;
  witnessRequired: boolean;
  register: UseFormRegister<ConsentFormValues>;
  messages: FieldMessages;
}) {
  return (
    <>
      <section className="consent-clinician" aria-labelledby={fieldId(prefix, 'clinician-title')}>
        <h2 id={fieldId(prefix, 'clinician-title')}>Obtained consent</h2>
        <p>
          You sign as{' '}
          <strong className="nowrap" dir="auto">
            {formatPrintedName(user)}
          </strong>
          , meaning <strong>obtained consent</strong>: you explained this text, answered the signer’s questions and saw
          them sign. Your signature binds the SHA-256 of this exact text, the drawn signature and the time; once
          recorded, it cannot change.
        </p>
        <div className="form-grid">
          {askUserId && (
            <TextField
              id={fieldId(prefix, 'clinician.username')}
              label="Your user ID"
              hint="The first signing after you sign in or unlock asks for your user ID as well."
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              className="input-medium"
              registration={register('clinician.username')}
              error={messages.get('clinician.username')}
            />
          )}
          <TextField
            id={fieldId(prefix, 'clinician.password')}
            label="Your password"
            type="password"
            autoComplete="current-password"
            className="input-medium"
            registration={register('clinician.password')}
            error={messages.get('clinician.password')}
          />
        </div>
      </section>
      {witnessRequired && (
        <WitnessFields
          prefix={prefix}
          username={register('witness.username')}
          password={register('witness.password')}
          messages={messages}
          legend="Witness"
          hint="The clinic requires a witness for this consent. Another nurse or physician who saw the signer sign types their own user ID and password. It is checked at once and never kept on this screen."
          className="consent-witness"
        />
      )}
    </>
  );
}
