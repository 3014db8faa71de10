import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { FieldIssue } from '../../../contract/errors';
import type { Formulary } from '../../../domain/formulary';
import { formularyContentSchema } from '../../../domain/formulary';
import { limitChanges } from '../../../domain/formulary-history';
import { useSignIn } from '../../app/sign-in-context';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { PasswordField } from '../../components/PasswordField';
import { isStaleSave, StaleSaveNotice } from '../../components/StaleSaveNotice';
import { TextArea } from '../../components/TextArea';

type FormularyInput = z.input<typeof formularyContentSchema>;

interface SaveValues {
  reason: string;
  password: string;
}

type Problems = Partial<Record<'reason' | 'password' | 'form', string>>;

/** Checks typed before anything is sent, in the words the server would use. */
export function saveProblems(values: SaveValues): Problems {
  const found: Problems = {};
  const reason = values.reason.trim();
  if (reason === '') found.reason = 'Give the reason for this change';
  else if (reason.length > 1000) found.reason = 'Use at most 1,000 characters';
  if (values.password === '') found.password = 'Enter your password';
  return found;
}

/** "Drug 1: Rate (mg/h), hard limit maximum: Not configured → 60 mg/h", one a line. */
function ChangedLimits({ changes }: { changes: readonly string[] }) {
  if (changes.length === 0) return <p>No limit changes in this version.</p>;
  return (
    <>
      <p>The limits this version changes:</p>
      <ul className="formulary-changes">
        {changes.map((change) => (
          <li key={change} dir="auto">
            {change}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Saving a version changes what every later plan is checked against, so it is confirmed
 * like a signature: the administrator's own password again (a wrong one counts towards the
 * lockout), and a reason kept with the version and shown in its history.
 */
export function FormularySaveDialog({
  before,
  content,
  onClose,
  onSaved,
  onContentProblems,
  onLoadLatest,
}: {
  /** Another administrator saved a version since `before`: read the one in force. */
  onLoadLatest: () => void;
  before: Formulary;
  /** What the form checked: valid as far as the form can tell. */
  content: FormularyInput;
  onClose: () => void;
  onSaved: (saved: Formulary) => void;
  /** Problems the server found in the formulary itself go back to the form. */
  onContentProblems: (issues: FieldIssue[], message: string) => void;
}) {
  const { api, refresh } = useSignIn();
  const [problems, setProblems] = useState<Problems>({});
  const [stale, setStale] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<SaveValues>({ defaultValues: { reason: '', password: '' } });
  const parsed = formularyContentSchema.safeParse(content);
  const changes = parsed.success ? limitChanges(before.content, parsed.data).map((change) => change.text) : [];
  const focus = (id: string) => window.requestAnimationFrame(() => document.getElementById(id)?.focus());

  const save = handleSubmit(async (values) => {
    const found = saveProblems(values);
    setProblems(found);
    if (found.reason !== undefined || found.password !== undefined) {
      focus(found.reason !== undefined ? 'formulary-save-reason' : 'formulary-save-password');
      return;
    }
    const result = await api.call('formulary.update', {
      expectedVersion: before.version,
      content,
      password: values.password,
      reason: values.reason,
    });
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    const { error } = result;
    if (isStaleSave(error)) {
      setStale(error.message);
      return;
    }
    const onReason = error.issues?.find((issue) => issue.path === 'reason');
    const onContent = error.issues?.filter((issue) => issue.path.startsWith('content')) ?? [];
    if (onContent.length > 0) {
      onContentProblems(onContent, error.message);
    } else if (onReason !== undefined) {
      setProblems({ reason: onReason.message });
      focus('formulary-save-reason');
    } else if (error.code === 'INVALID_CREDENTIALS') {
      setProblems({ password: error.message });
      focus('formulary-save-password');
    } else {
      setProblems({ form: error.message });
      if (error.code === 'ACCOUNT_LOCKED') await refresh(error.message);
    }
  });

  return (
    <Dialog title={`Save formulary version ${before.version + 1}`} onClose={onClose}>
      <p>
        Plans written from now on are checked against this version. Confirm it with your password and say why it
        changes; your name, the time and the reason are kept with the version, in its history.
      </p>
      <ChangedLimits changes={changes} />
      {stale !== null && (
        <StaleSaveNotice message={stale} onLoadLatest={onLoadLatest} replaces="the changes you made on this page" />
      )}
      <DialogForm
        problem={problems.form}
        onSubmit={save}
        submitting={formState.isSubmitting}
        action={`Save version ${before.version + 1}`}
        busy="Saving…"
        onCancel={onClose}
      >
        <TextArea
          id="formulary-save-reason"
          label="Reason for this change"
          hint="For example: pump rate limits agreed by the clinic's pharmacy committee. At most 1,000 characters."
          maxLength={1000}
          registration={register('reason')}
          error={problems.reason}
        />
        <PasswordField id="formulary-save-password" registration={register('password')} error={problems.password} />
      </DialogForm>
    </Dialog>
  );
}
