import type { UseFormRegisterReturn } from 'react-hook-form';
import { TextField } from './TextField';

/** The signed-in user's password, asked again to confirm an action that needs it. */
export function PasswordField({
  id,
  label = 'Your password',
  registration,
  error,
}: {
  id: string;
  label?: string;
  registration: UseFormRegisterReturn;
  error: string | undefined;
}) {
  return (
    <TextField
      id={id}
      label={label}
      type="password"
      autoComplete="current-password"
      className="input-medium"
      registration={registration}
      error={error}
    />
  );
}
