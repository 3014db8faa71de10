import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useSignIn } from '../../app/sign-in-context';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorSummary } from '../../components/ErrorSummary';
import { MessageText } from '../../components/MessageText';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { applyServerIssues } from '../../lib/form-errors';
import { useFormProblems } from '../../lib/use-form-problems';

const signInSchema = z.object({
  username: z.string().trim().min(1, 'Enter your username'),
  password: z.string().min(1, 'Enter your password'),
});
type SignInValues = z.input<typeof signInSchema>;
type SignInFields = z.output<typeof signInSchema>;

export function SignInPage({ clinicName }: { clinicName: string }) {
  const { api, adopt, notice } = useSignIn();
  const { register, handleSubmit, formState, setError, setFocus } = useForm<SignInValues, unknown, SignInFields>({
    resolver: zodResolver(signInSchema),
    defaultValues: { username: '', password: '' },
    shouldFocusError: false,
  });
  const { problems, attempt, fail } = useFormProblems(formState.errors);
  // Signing in is the only thing to do here: start in the username field.
  useEffect(() => setFocus('username'), [setFocus]);

  // What was typed stays on a failure (the server says how many tries are left).
  const submit = handleSubmit(
    async (values) => {
      const result = await api.call('auth.signIn', { username: values.username, password: values.password });
      if (result.ok) {
        adopt(result.value);
        return;
      }
      fail([result.error.message, ...applyServerIssues(result.error, setError, [])]);
    },
    () => fail(),
  );

  return (
    <AuthLayout
      focusHeading={false}
      title="Sign in"
      subtitle={
        <p>
          <span dir="auto">{clinicName}</span>
        </p>
      }
    >
      {notice !== null && problems.length === 0 && (
        <Notice tone="info" live="status">
          <MessageText text={notice} />
        </Notice>
      )}
      <ErrorSummary
        problems={problems}
        attempt={attempt}
        onSelect={(path) => setFocus(path as FieldPath<SignInValues>)}
      />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="sign-in-username"
          label="Username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          registration={register('username')}
          error={formState.errors.username?.message}
        />
        <TextField
          id="sign-in-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          registration={register('password')}
          error={formState.errors.password?.message}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
