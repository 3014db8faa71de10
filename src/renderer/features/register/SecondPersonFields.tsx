import type { UseFormRegisterReturn } from 'react-hook-form';
import { TextField } from '../../components/TextField';

/**
 * A second person at the desk (checker, witness, second counter) types their own user ID and
 * password: the record carries both names, and nobody can vouch for themselves.
 */
export function SecondPersonFields({
  id,
  who,
  hint,
  username,
  password,
  errors,
}: {
  id: string;
  /** "Checker", "Witness", "Second counter" */
  who: string;
  hint: string;
  username: UseFormRegisterReturn;
  password: UseFormRegisterReturn;
  errors:
    | {
        username?: { message?: string | undefined } | undefined;
        password?: { message?: string | undefined } | undefined;
      }
    | undefined;
}) {
  return (
    <fieldset className="register-second-person">
      <legend className="field-label">{who}</legend>
      <p className="hint">{hint}</p>
      <div className="form-grid">
        <TextField
          id={`${id}-username`}
          label={`${who}’s user ID`}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          className="input-medium"
          registration={username}
          error={errors?.username?.message}
        />
        <TextField
          id={`${id}-password`}
          label={`${who}’s password`}
          type="password"
          autoComplete="off"
          className="input-medium"
          registration={password}
          error={errors?.password?.message}
        />
      </div>
    </fieldset>
  );
}
