import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useController, useForm, useWatch } from 'react-hook-form';
import { computerTimeZoneProposal } from '../../../domain/time-zones';
import { useSignIn } from '../../app/sign-in-context';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorSummary } from '../../components/ErrorSummary';
import { PasswordRules } from '../../components/PasswordRules';
import { TextField } from '../../components/TextField';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import { applyServerIssues } from '../../lib/form-errors';
import { plainZodMessage } from '../../lib/plain-zod-messages';
import { computerReportedTimeZone, computerTimeZoneNote, initialZoneOf } from '../../lib/time-zones';
import { useFormProblems } from '../../lib/use-form-problems';
import { RestoreFromBackup } from './RestoreFromBackup';
import { rememberSetupComplete } from './setup-complete';
import type { SetupMode } from './SetupChoice';
import { SetupChoice } from './SetupChoice';
import type { SetupFields, SetupValues } from './setup-schema';
import { setupSchema } from './setup-schema';

/**
 * First run on an empty ledger: the clinic and its first administrator, who is then signed in;
 * or, the other choice, the clinic restored from a backup (RestoreFromBackup).
 */
export function SetupWizard() {
  const { api, adopt } = useSignIn();
  // The computer's own zone under its current name, or none (never UTC by default).
  const [proposal] = useState(() => computerTimeZoneProposal(computerReportedTimeZone()));
  const proposedZone = initialZoneOf(proposal);
  const { register, handleSubmit, formState, setError, setFocus, control } = useForm<SetupValues, unknown, SetupFields>(
    {
      resolver: zodResolver(setupSchema, { error: plainZodMessage }),
      defaultValues: {
        clinic: { name: '', address: '', timeZone: proposedZone },
        admin: { username: '', displayName: '', credentials: '', password: '', confirmPassword: '' },
      },
      shouldFocusError: false,
    },
  );
  const [password, username] = useWatch({ control, name: ['admin.password', 'admin.username'] });
  const { field: zone } = useController({ control, name: 'clinic.timeZone' });
  const { problems, attempt, fail } = useFormProblems(formState.errors);
  const errors = formState.errors;
  const [mode, setMode] = useState<SetupMode>('new');

  const submit = handleSubmit(
    async (values) => {
      const { username, displayName, credentials, password } = values.admin;
      const result = await api.call('setup.initialize', {
        clinic: values.clinic,
        admin: { username, displayName, credentials, password },
      });
      if (result.ok) {
        // The first screen says who is now signed in (see SetupCompleteNotice).
        if ('user' in result.value) rememberSetupComplete(result.value.user.id);
        adopt(result.value);
        return;
      }
      const unmatched = applyServerIssues(result.error, setError, ['clinic', 'admin']);
      fail(unmatched.length > 0 || result.error.issues === undefined ? [result.error.message] : []);
    },
    () => fail(),
  );

  const choice = <SetupChoice mode={mode} onChange={setMode} />;
  if (mode === 'restore') return <RestoreFromBackup choice={choice} />;
  return (
    <AuthLayout
      wide
      title="Set up the clinic"
      subtitle={
        <p>
          This ledger is empty. Name the clinic and create the first administrator account. The administrator then adds
          physicians, nurses and auditors.
        </p>
      }
    >
      {choice}
      <ErrorSummary
        problems={problems}
        attempt={attempt}
        onSelect={(path) => setFocus(path as FieldPath<SetupValues>)}
      />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="setup-columns">
          <fieldset className="form-section">
            <legend className="form-section-title">1. Clinic</legend>
            <TextField
              id="setup-clinic-name"
              label="Clinic name"
              autoComplete="organization"
              dir="auto"
              registration={register('clinic.name')}
              error={errors.clinic?.name?.message}
            />
            <TextField
              id="setup-clinic-address"
              label="Address"
              optional
              autoComplete="street-address"
              dir="auto"
              registration={register('clinic.address')}
              error={errors.clinic?.address?.message}
            />
            <TimeZoneSelect
              id="setup-clinic-zone"
              value={zone.value}
              onChange={zone.onChange}
              onBlur={zone.onBlur}
              inputRef={zone.ref}
              error={errors.clinic?.timeZone?.message}
              note={zone.value === proposedZone ? computerTimeZoneNote(proposal) : undefined}
            />
          </fieldset>
          <fieldset className="form-section">
            <legend className="form-section-title">2. First administrator</legend>
            <TextField
              id="setup-admin-username"
              label="Username"
              hint="3–32 letters, digits, dots, hyphens or underscores, starting with a letter."
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              registration={register('admin.username')}
              error={errors.admin?.username?.message}
            />
            <TextField
              id="setup-admin-name"
              label="Full name"
              autoComplete="name"
              dir="auto"
              registration={register('admin.displayName')}
              error={errors.admin?.displayName?.message}
            />
            <TextField
              id="setup-admin-credentials"
              label="Credentials"
              optional
              hint="Printed after the name, e.g. MD, RN, PharmD."
              registration={register('admin.credentials')}
              error={errors.admin?.credentials?.message}
            />
            <TextField
              id="setup-admin-password"
              label="Password"
              type="password"
              autoComplete="new-password"
              registration={register('admin.password')}
              error={errors.admin?.password?.message}
              extraDescription="setup-password-rules"
              after={<PasswordRules id="setup-password-rules" password={password} username={username} />}
            />
            <TextField
              id="setup-admin-confirm"
              label="Password again"
              type="password"
              autoComplete="new-password"
              registration={register('admin.confirmPassword')}
              error={errors.admin?.confirmPassword?.message}
            />
          </fieldset>
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Setting up…' : 'Set up the clinic'}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
