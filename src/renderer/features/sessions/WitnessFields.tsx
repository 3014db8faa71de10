import type { UseFormRegisterReturn } from 'react-hook-form';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';

const discardedHint =
  'Another nurse or a physician who saw the drug discarded types their own user ID and password. It is checked at once and never kept on this screen.';

/**
 * A second clinician who saw it happen (drug discarded, a consent signed) proves it is them with
 * their own user ID and password.
 */
export function WitnessFields({
  prefix,
  username,
  password,
  messages,
  legend = 'Witness to the discarded drug',
  hint = discardedHint,
  className = 'witness',
}: {
  prefix: string;
  username: UseFormRegisterReturn;
  password: UseFormRegisterReturn;
  messages: FieldMessages;
  legend?: string;
  hint?: string;
  className?: string;
}) {
  return (
    <fieldset className={className}>
      <legend className="field-label">{legend}</legend>
      <p className="hint">{hint}</p>
      <div className="form-grid">
        <TextField
          id={fieldId(prefix, 'witness.username')}
          label="Witness user ID"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          className="input-medium"
          registration={username}
          error={messages.get('witness.username')}
        />
        <TextField
          id={fieldId(prefix, 'witness.password')}
          label="Witness password"
          type="password"
          autoComplete="off"
          className="input-medium"
          registration={password}
          error={messages.get('witness.password')}
        />
      </div>
    </fieldset>
  );
}
