import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldPath } from 'react-hook-form';
import { useForm, useWatch } from 'react-hook-form';
import { roleLabels, roles } from '../../../domain/roles';
import type { User } from '../../../domain/user';
import { useApi } from '../../app/sign-in-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PasswordRules } from '../../components/PasswordRules';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { applyServerIssues } from '../../lib/form-errors';
import { useFormProblems } from '../../lib/use-form-problems';
import type { CreateUserValues, NewUser } from './user-schemas';
import { createUserSchema } from './user-schemas';

const empty: CreateUserValues = {
  username: '',
  displayName: '',
  credentials: '',
  role: '',
  temporaryPassword: '',
  adminPassword: '',
};

/** Adds an account with a temporary password, which its owner must change at first sign-in. */
export function CreateUserForm({ onCreated }: { onCreated: (user: User) => void }) {
  const api = useApi();
  const { register, handleSubmit, formState, setError, setFocus, control, reset } = useForm<
    CreateUserValues,
    unknown,
    NewUser
  >({
    resolver: zodResolver(createUserSchema),
    defaultValues: empty,
    shouldFocusError: false,
  });
  const [password, username] = useWatch({ control, name: ['temporaryPassword', 'username'] });
  const { problems, attempt, fail } = useFormProblems(formState.errors);
  const errors = formState.errors;

  const submit = handleSubmit(
    async (values) => {
      const result = await api.call('users.create', values);
      if (result.ok) {
        reset(empty);
        onCreated(result.value);
        return;
      }
      const unmatched = applyServerIssues(result.error, setError, Object.keys(empty));
      fail(unmatched.length > 0 || result.error.issues === undefined ? [result.error.message] : []);
    },
    () => fail(),
  );

  return (
    <section className="card" aria-labelledby="create-user-title">
      <h2 id="create-user-title">Add a user</h2>
      <ErrorSummary
        problems={problems}
        attempt={attempt}
        onSelect={(path) => setFocus(path as FieldPath<CreateUserValues>)}
      />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-grid">
          <TextField
            id="new-user-username"
            label="Username"
            hint="3–32 letters, digits, dots, hyphens or underscores, starting with a letter."
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            registration={register('username')}
            error={errors.username?.message}
          />
          <TextField
            id="new-user-name"
            label="Full name"
            hint="As printed on records and signatures, e.g. Ana Ruiz."
            autoComplete="off"
            dir="auto"
            registration={register('displayName')}
            error={errors.displayName?.message}
          />
          <TextField
            id="new-user-credentials"
            label="Credentials"
            optional
            hint="Printed after the name, e.g. MD, RN."
            autoComplete="off"
            registration={register('credentials')}
            error={errors.credentials?.message}
          />
          <SelectField
            id="new-user-role"
            label="Role"
            hint="Decides what the person can see and do."
            registration={register('role')}
            error={errors.role?.message}
          >
            <option value="">Choose a role</option>
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </SelectField>
          <TextField
            id="new-user-password"
            label="Temporary password"
            hint="Tell it to the person in private. They choose their own when they first sign in."
            type="password"
            autoComplete="new-password"
            registration={register('temporaryPassword')}
            error={errors.temporaryPassword?.message}
            extraDescription="new-user-password-rules"
            after={<PasswordRules id="new-user-password-rules" password={password} username={username} />}
          />
          <TextField
            id="new-user-admin-password"
            label="Your password"
            hint="Your own password unlocks the clinic key that issues the new user's signing certificate."
            type="password"
            autoComplete="current-password"
            registration={register('adminPassword')}
            error={errors.adminPassword?.message}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Adding…' : 'Add user'}
          </button>
        </div>
      </form>
    </section>
  );
}
