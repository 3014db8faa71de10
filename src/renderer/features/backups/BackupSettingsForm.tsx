import { useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import type { BackupSettings } from '../../../domain/backups';
import { backupPassphraseMinLength } from '../../../domain/backups';
import { formatDateTime } from '../../../domain/time';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';
import { isStaleSave, StaleSaveNotice } from '../../components/StaleSaveNotice';
import { TextField } from '../../components/TextField';
import { applyServerIssues } from '../../lib/form-errors';
import { useFormProblems } from '../../lib/use-form-problems';
import { useBackupJob } from './use-backup-job';

interface Values {
  destination: string;
  dailyAt: string;
  onQuit: boolean;
  keepDaily: number;
  keepMonthly: number;
  passphrase: string;
  passphraseAgain: string;
}

const fields = ['destination', 'dailyAt', 'onQuit', 'keepDaily', 'keepMonthly', 'passphrase', 'passphraseAgain'];

/** The later of two ISO instants (they compare as text), null when neither is known. */
function newer(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

/**
 * Where and when backups are written, how many are kept, and the passphrase that opens them.
 * The passphrase is needed the first time; later it changes only when typed (a new key).
 */
export function BackupSettingsForm({ settings, onSaved }: { settings: BackupSettings | null; onSaved: () => void }) {
  const api = useApi();
  const { clinic } = useSignedIn();
  const [saved, setSaved] = useState(false);
  // What this page holds: the settings read, or what its own last save or load returned when newer
  // (the page reads the settings again only after a save: two quick saves must not refuse each other).
  const [ownAt, setOwnAt] = useState<string | null>(null);
  const expectedUpdatedAt = newer(settings?.updatedAt ?? null, ownAt);
  // A save refused because another administrator saved since: kept until the latest is loaded.
  const [stale, setStale] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, setFocus, setValue } = useForm<Values>({
    defaultValues: {
      destination: settings?.destination ?? '',
      dailyAt: settings?.dailyAt ?? '',
      onQuit: settings?.onQuit ?? true,
      keepDaily: settings?.keepDaily ?? 14,
      keepMonthly: settings?.keepMonthly ?? 12,
      passphrase: '',
      passphraseAgain: '',
    },
    shouldFocusError: false,
  });
  const done = () => {
    // A passphrase left in the fields would make a new key again at the next save.
    setValue('passphrase', '');
    setValue('passphraseAgain', '');
    setSaved(true);
    onSaved();
  };
  const keyJob = useBackupJob((job) => {
    if (job.state === 'done') done();
  });
  const { problems, attempt, fail } = useFormProblems(formState.errors);
  const errors = formState.errors;
  const working = formState.isSubmitting || keyJob.job?.state === 'running';

  // Chosen after the refusal said so: the fields take what is stored now.
  const loadLatest = async () => {
    const result = await api.call('backups.settings.get', {});
    if (!result.ok) return fail([result.error.message]);
    const latest = result.value.settings;
    setOwnAt(latest?.updatedAt ?? null);
    setValue('destination', latest?.destination ?? '');
    setValue('dailyAt', latest?.dailyAt ?? '');
    setValue('onQuit', latest?.onQuit ?? true);
    setValue('keepDaily', latest?.keepDaily ?? 14);
    setValue('keepMonthly', latest?.keepMonthly ?? 12);
    setStale(null);
    onSaved();
  };

  const submit = handleSubmit(async (values) => {
    setSaved(false);
    const result = await api.call('backups.settings.save', {
      destination: values.destination,
      dailyAt: values.dailyAt.trim() === '' ? null : values.dailyAt.trim(),
      onQuit: values.onQuit,
      keepDaily: values.keepDaily,
      keepMonthly: values.keepMonthly,
      ...(values.passphrase === '' ? {} : { passphrase: values.passphrase, passphraseAgain: values.passphraseAgain }),
      expectedUpdatedAt,
    });
    if (!result.ok && isStaleSave(result.error)) {
      setStale(result.error.message);
      return;
    }
    if (!result.ok) {
      const unmatched = applyServerIssues(result.error, setError, fields);
      fail(unmatched.length > 0 || result.error.issues === undefined ? [result.error.message] : []);
      return;
    }
    if (result.value.jobId === null) {
      setOwnAt(result.value.settings?.updatedAt ?? null);
      done();
      return;
    }
    keyJob.follow({
      id: result.value.jobId,
      kind: 'settings',
      state: 'running',
      fraction: 0,
      what: 'Making the backup key',
      message: '',
      fileName: null,
      headSeq: null,
      headHash: null,
    });
  });

  return (
    <section className="card" aria-labelledby="backup-settings-title">
      <h2 id="backup-settings-title">Settings</h2>
      {saved && (
        <Notice tone="success" live="status">
          Backup settings saved.
        </Notice>
      )}
      {keyJob.job?.state === 'failed' && (
        <Notice tone="error" live="alert">
          {keyJob.job.message}
        </Notice>
      )}
      {stale !== null && <StaleSaveNotice message={stale} onLoadLatest={() => void loadLatest()} />}
      <ErrorSummary problems={problems} attempt={attempt} onSelect={(path) => setFocus(path as FieldPath<Values>)} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="backup-destination"
          label="Backup folder"
          hint="The full path of a folder on the computer that holds the ledger: a USB drive or a network share."
          registration={register('destination')}
          error={errors.destination?.message}
        />
        <TextField
          id="backup-daily-at"
          label={`Daily backup at (HH:mm, clinic time, ${clinic.timeZone})`}
          hint="24-hour clock, e.g. 18:30. Leave empty for no daily backup."
          optional
          className="input-short"
          registration={register('dailyAt')}
          error={errors.dailyAt?.message}
        />
        <CheckboxField id="backup-on-quit" label="Back up when the app quits" registration={register('onQuit')} />
        <TextField
          id="backup-keep-daily"
          label="Keep daily backups (days)"
          hint="The newest backup of each of this many days is kept. At least 1."
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          className="input-short"
          registration={register('keepDaily', { valueAsNumber: true })}
          error={errors.keepDaily?.message}
        />
        <TextField
          id="backup-keep-monthly"
          label="Keep monthly backups (months)"
          hint="The newest backup of each of this many months is kept too. 0 for none."
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          className="input-short"
          registration={register('keepMonthly', { valueAsNumber: true })}
          error={errors.keepMonthly?.message}
        />
        <TextField
          id="backup-passphrase"
          label="Backup passphrase"
          hint={
            settings === null
              ? `At least ${backupPassphraseMinLength} characters. Every backup opens with it; keep it somewhere safe, away from the backups. Without it no backup can be restored.`
              : 'Leave empty to keep the current passphrase. A new one applies to the backups taken from now on.'
          }
          optional={settings !== null}
          type="password"
          autoComplete="new-password"
          className="input-medium"
          registration={register('passphrase')}
          error={errors.passphrase?.message}
        />
        <TextField
          id="backup-passphrase-again"
          label="Backup passphrase again"
          optional={settings !== null}
          type="password"
          autoComplete="new-password"
          className="input-medium"
          registration={register('passphraseAgain')}
          error={errors.passphraseAgain?.message}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={working}>
            {working ? 'Saving…' : 'Save backup settings'}
          </button>
        </div>
        {settings !== null && (
          <p className="hint">Last changed {formatDateTime(settings.updatedAt, clinic.timeZone)}</p>
        )}
      </form>
    </section>
  );
}
