import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { User } from '../../../domain/user';
import { formatPrintedName } from '../../../domain/user';
import { useApi } from '../../app/sign-in-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PasswordRules } from '../../components/PasswordRules';
import { TextField } from '../../components/TextField';
import { applyServerIssues } from '../../lib/form-errors';
import { useFormProblems } from '../../lib/use-form-problems';
import type { ResetPasswordValues } from './user-schemas';
import { resetPasswordSchema } from './user-schemas';

/** Sets a new temporary password (and clears a lockout); the user must change it at sign-in. */
export function ResetPasswordForm({
  user,
  onDone,
  onCancel,
}: {
  user: User;
  onDone: (user: User) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const heading = useRef<HTMLHeadingElement>(null);
  const { register, handleSubmit, formState, setError, setFocus, control } = useForm<ResetPasswordValues>({
    resolver: zodResolver(resetPasswordSchema(user.username)),
    defaultValues: { temporaryPassword: '', adminPassword: '' },
    shouldFocusError: false,
  });
  const password = useWatch({ control, name: 'temporaryPassword' });
  const { problems, attempt, fail } = useFormProblems(formState.errors);
  useEffect(() => heading.current?.focus(), []);

  const submit = handleSubmit(
    async (values) => {
      const result = await api.call('users.resetPassword', {
        userId: user.id,
        temporaryPassword: values.temporaryPassword,
        adminPassword: values.adminPassword,
      });
      if (result.ok) {
        onDone(result.value);
        return;
      }
      const unmatched = applyServerIssues(result.error, setError, ['temporaryPassword', 'adminPassword']);
      fail(unmatched.length > 0 || result.error.issues === undefined ? [result.error.message] : []);
    },
    () => fail(),
  );

  return (
    <section className="card card-highlight" aria-labelledby="reset-password-title">
      <h2 id="reset-password-title" ref={heading} tabIndex={-1}>
        Reset the password of <span dir="auto">{formatPrintedName(user)}</span>
      </h2>
      <p>
        The new temporary password replaces the old one and ends any lockout. {user.displayName} must choose their own
        password at the next sign-in.
      </p>
      <ErrorSummary problems={problems} attempt={attempt} onSelect={() => setFocus('temporaryPassword')} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="reset-password"
          label="New temporary password"
          className="input-long"
          type="password"
          autoComplete="new-password"
          registration={register('temporaryPassword')}
          error={formState.errors.temporaryPassword?.message}
          extraDescription="reset-password-rules"
          after={<PasswordRules id="reset-password-rules" password={password} username={user.username} />}
        />
        <TextField
          id="reset-admin-password"
          label="Your password"
          hint="A reset issues a new signing certificate; your own password unlocks the clinic key that issues it."
          className="input-long"
          type="password"
          autoComplete="current-password"
          registration={register('adminPassword')}
          error={formState.errors.adminPassword?.message}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            Reset password
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
