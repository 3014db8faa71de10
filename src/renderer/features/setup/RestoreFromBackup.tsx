import { zodResolver } from '@hookform/resolvers/zod';
import type { ReactNode } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { setupRestoreInputSchema } from '../../../domain/setup-restore';
import type { SetupRestoreJob } from '../../../domain/setup-restore';
import { formatDateTime } from '../../../domain/time';
import { useSignIn } from '../../app/sign-in-context';
import { AuthLayout } from '../../components/AuthLayout';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { applyServerIssues } from '../../lib/form-errors';
import { plainZodMessage } from '../../lib/plain-zod-messages';
import { useFormProblems } from '../../lib/use-form-problems';
import { holdSetupScreen, releaseSetupScreen } from './restore-hold';
import { useRestoreJob } from './use-restore-job';

type RestoreValues = z.input<typeof setupRestoreInputSchema>;
type RestoreFields = z.output<typeof setupRestoreInputSchema>;

/** "Restored Harbor Infusion Clinic from the backup of 07-Mar-2026 14:05 UTC−05:00." */
function restoredText(job: SetupRestoreJob): string {
  const when =
    job.backupCreatedAt === null || job.clinicTimeZone === null
      ? 'a backup whose time is not known'
      : `the backup of ${formatDateTime(job.backupCreatedAt, job.clinicTimeZone)}`;
  return `Restored ${job.clinicName ?? 'the clinic'} from ${when}. Sign in with an account of that clinic.`;
}

/**
 * First run on an empty ledger, the other way: a backup file on this computer (or the clinic
 * host) and its passphrase. The server restores it into this ledger; then its users sign in.
 */
export function RestoreFromBackup({ choice }: { choice: ReactNode }) {
  const { api, refresh } = useSignIn();
  const { register, handleSubmit, formState, setError, setFocus } = useForm<RestoreValues, unknown, RestoreFields>({
    resolver: zodResolver(setupRestoreInputSchema, { error: plainZodMessage }),
    defaultValues: { backupPath: '', passphrase: '' },
    shouldFocusError: false,
  });
  const { problems, attempt, fail } = useFormProblems(formState.errors);
  const { job, error, follow } = useRestoreJob();
  const running = job?.state === 'running';
  const errors = formState.errors;

  const submit = handleSubmit(
    async (values) => {
      const result = await api.call('setup.restore', values);
      if (result.ok) {
        holdSetupScreen();
        follow(result.value);
        return;
      }
      const unmatched = applyServerIssues(result.error, setError, ['backupPath', 'passphrase']);
      fail(unmatched.length > 0 || result.error.issues === undefined ? [result.error.message] : []);
    },
    () => fail(),
  );

  return (
    <AuthLayout
      wide
      title="Restore a clinic from a backup"
      subtitle={
        job?.state === 'done' ? (
          <p>The clinic's records are back in this ledger, checked.</p>
        ) : (
          <p>
            This ledger is empty. Restore a clinic's records from a backup file made by Dosing Ledger, with the
            passphrase it was made with. The backup is checked before anything is restored.
          </p>
        )
      }
    >
      {job?.state === 'done' ? null : choice}
      <ErrorSummary
        problems={problems}
        attempt={attempt}
        onSelect={(path) => setFocus(path as FieldPath<RestoreValues>)}
      />
      {job?.state === 'done' ? (
        <>
          <Notice tone="success" title="Clinic restored" live="status">
            {restoredText(job)}
          </Notice>
          <div className="actions">
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                releaseSetupScreen();
                void refresh();
              }}
            >
              Continue to sign in
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <fieldset className="form-section" disabled={running}>
            <legend className="form-section-title">Backup file</legend>
            <TextField
              id="restore-backup-path"
              label="Path of the backup file"
              hint="The full path on the computer that holds the ledger, e.g. E:\Backups\dosing-ledger-20260307-140501Z.ledger.age"
              autoComplete="off"
              spellCheck={false}
              registration={register('backupPath')}
              error={errors.backupPath?.message}
            />
            <TextField
              id="restore-passphrase"
              label="Backup passphrase"
              type="password"
              autoComplete="off"
              registration={register('passphrase')}
              error={errors.passphrase?.message}
            />
          </fieldset>
          {job !== null && running && (
            <div className="backup-progress">
              <label htmlFor="restore-progress">{job.what}…</label>
              <progress id="restore-progress" max={100} value={Math.round(job.fraction * 100)} />
            </div>
          )}
          {job?.state === 'failed' && (
            <Notice tone="error" title="Restore failed" live="alert">
              {job.message}
            </Notice>
          )}
          {error !== null && (
            <Notice tone="error" live="alert">
              {error}
            </Notice>
          )}
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={formState.isSubmitting || running}>
              {running ? 'Restoring…' : 'Restore'}
            </button>
          </div>
        </form>
      )}
    </AuthLayout>
  );
}
