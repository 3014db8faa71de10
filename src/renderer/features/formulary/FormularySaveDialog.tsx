import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { FieldIssue } from '../../../contract/errors';
import type { Formulary } from '../../../domain/formulary';
import { formularyContentSchema } from '../../../domain/formulary';
import { limitChanges } from '../../../domain/formulary-history';
import { useSignIn } from '../../app/sign-in-context';
import { Dialog } from '../../components/Dialog';
import { MessageText } from '../../components/MessageText';
import { Notice } from '../../components/Notice';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';

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
}: {
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
    const result = await api.call('formulary.update', { content, password: values.password, reason: values.reason });
    if (result.ok) {
      onSaved(result.value);
      return;
    }
    const { error } = result;
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
      {problems.form !== undefined && (
        <Notice tone="error" live="alert">
          <MessageText text={problems.form} />
        </Notice>
      )}
      <form onSubmit={(event) => void save(event)} noValidate>
        <TextArea
          id="formulary-save-reason"
          label="Reason for this change"
          hint="For example: pump rate limits agreed by the clinic's pharmacy committee. At most 1,000 characters."
          maxLength={1000}
          registration={register('reason')}
          error={problems.reason}
        />
        <TextField
          id="formulary-save-password"
          label="Your password"
          type="password"
          autoComplete="current-password"
          className="input-medium"
          registration={register('password')}
          error={problems.password}
        />
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Saving…' : `Save version ${before.version + 1}`}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
