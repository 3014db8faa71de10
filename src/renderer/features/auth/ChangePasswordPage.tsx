import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldPath } from 'react-hook-form';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { passwordProblems } from '../../../domain/password-policy';
import { formatPrintedName } from '../../../domain/user';
import { useSignIn } from '../../app/sign-in-context';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PasswordRules } from '../../components/PasswordRules';
import { TextField } from '../../components/TextField';
import { applyServerIssues } from '../../lib/form-errors';
import { useFormProblems } from '../../lib/use-form-problems';

function changePasswordSchema(username: string) {
  return z
    .object({
      currentPassword: z.string().min(1, 'Enter the temporary password you signed in with'),
      newPassword: z.string().min(1, 'Enter a new password'),
      confirmPassword: z.string(),
    })
    .superRefine((values, context) => {
      if (values.newPassword !== '' && passwordProblems(values.newPassword, username).length > 0) {
        context.addIssue({
          code: 'custom',
          path: ['newPassword'],
          message: 'The new password does not meet the rules below it',
        });
      } else if (values.newPassword !== '' && values.newPassword === values.currentPassword) {
        context.addIssue({
          code: 'custom',
          path: ['newPassword'],
          message: 'Choose a password that differs from the current one',
        });
      }
      if (values.confirmPassword !== values.newPassword) {
        context.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'The two new passwords do not match' });
      }
    });
}
type ChangePasswordValues = z.input<ReturnType<typeof changePasswordSchema>>;

/** After an administrator set a temporary password, its owner must choose their own. */
export function ChangePasswordPage() {
  const { api, adopt, signIn, signOut } = useSignIn();
  const user = signIn !== null && 'user' in signIn ? signIn.user : null;
  const username = user?.username ?? '';
  const { register, handleSubmit, formState, setError, setFocus, control } = useForm<ChangePasswordValues>({
    resolver: zodResolver(changePasswordSchema(username)),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    shouldFocusError: false,
  });
  const newPassword = useWatch({ control, name: 'newPassword' });
  const { problems, attempt, fail } = useFormProblems(formState.errors);

  const submit = handleSubmit(
    async (values) => {
      const result = await api.call('auth.changePassword', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      if (result.ok) {
        adopt(result.value);
        return;
      }
      const unmatched = applyServerIssues(result.error, setError, ['currentPassword', 'newPassword']);
      fail(unmatched.length > 0 || result.error.issues === undefined ? [result.error.message] : []);
    },
    () => fail(),
  );

  return (
    <AuthLayout
      title="Choose your own password"
      subtitle={
        <p>
          Welcome, <span dir="auto">{user === null ? '' : formatPrintedName(user)}</span>. An administrator set a
          temporary password for you. Choose a new password that only you know before you continue.
        </p>
      }
    >
      <ErrorSummary
        problems={problems}
        attempt={attempt}
        onSelect={(path) => setFocus(path as FieldPath<ChangePasswordValues>)}
      />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="change-current"
          label="Temporary password"
          type="password"
          autoComplete="current-password"
          registration={register('currentPassword')}
          error={formState.errors.currentPassword?.message}
        />
        <TextField
          id="change-new"
          label="New password"
          type="password"
          autoComplete="new-password"
          registration={register('newPassword')}
          error={formState.errors.newPassword?.message}
          extraDescription="change-new-rules"
          after={<PasswordRules id="change-new-rules" password={newPassword} username={username} />}
        />
        <TextField
          id="change-confirm"
          label="New password again"
          type="password"
          autoComplete="new-password"
          registration={register('confirmPassword')}
          error={formState.errors.confirmPassword?.message}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Saving…' : 'Save new password'}
          </button>
          <button type="button" className="button button-secondary" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
