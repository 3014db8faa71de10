import type { ReactNode } from 'react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { CallError } from '../../../contract/errors';
import type { SignatureMeaning } from '../../../domain/record';

import type { RecordView } from '../../../domain/record-view';
import { formatPrintedName } from '../../../domain/user';
import type { WeightFinding } from '../../../domain/weight-check';
import { useSignIn, useSignedIn } from '../../app/sign-in-context';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { PasswordField } from '../../components/PasswordField';
import { RadioGroup } from '../../components/RadioGroup';
import { TextField } from '../../components/TextField';
import { hasSignedBefore, rememberSigning } from '../../lib/signing-memory';
import { SigningWeightCheck } from './SigningWeightCheck';

interface SignValues {
  meaning: SignatureMeaning;
  username: string;
  password: string;
}

const meaningOptions = [
  { value: 'authored', label: 'Authored: I wrote this record' },
  { value: 'reviewed', label: 'Reviewed: I reviewed this record' },
  { value: 'approved', label: 'Approved: I approve this record' },
] as const satisfies readonly { value: SignatureMeaning; label: string }[];

type Problems = Partial<Record<'username' | 'password' | 'form', string>>;

/**
 * The electronic signature (21 CFR Part 11): says what signing means, takes the meaning,
 * and re-authenticates the signer: user ID and password at the first signing of a sign-in,
 * the password alone after that. Problems with the record itself go back to the form.
 */
export function SignDialog({
  what,
  versionId,
  onClose,
  onSigned,
  onNotReady,
  onStale,
  expectedUpdatedAt,
  weightCheck,
  attestation,
}: {
  /** The draft was saved from another screen since this one loaded it: nothing is signed. */
  onStale: (error: CallError) => void;
  /** The draft's `updatedAt` this screen shows, read when signing. */
  expectedUpdatedAt: () => string;
  /** "exam" or "infusion plan", as it reads in a sentence. */
  what: string;
  /** What the weight check surfaced and the reason given: part of what is signed. */
  weightCheck?: { findings: readonly WeightFinding[]; reason: string } | undefined;
  /** What the signer attests to (patient, figures, findings), shown before the password. */
  attestation?: ReactNode;
  versionId: number;
  onClose: () => void;
  onSigned: (view: RecordView) => void;
  onNotReady: (error: CallError) => void;
}) {
  const { api, refresh } = useSignIn();
  const { user } = useSignedIn();
  const [askUserId, setAskUserId] = useState(() => !hasSignedBefore(user.id));
  const [problems, setProblems] = useState<Problems>({});
  const { register, handleSubmit, formState } = useForm<SignValues>({
    defaultValues: { meaning: 'authored', username: '', password: '' },
  });
  const focus = (id: string) => window.requestAnimationFrame(() => document.getElementById(id)?.focus());

  const sign = handleSubmit(async (values) => {
    const found: Problems = {};
    if (askUserId && values.username.trim() === '') found.username = 'Enter your user ID';
    if (values.password === '') found.password = 'Enter your password';
    setProblems(found);
    if (found.username !== undefined || found.password !== undefined) {
      focus(found.username !== undefined ? 'sign-username' : 'sign-password');
      return;
    }
    const result = await api.call('records.sign', {
      versionId,
      meaning: values.meaning,
      password: values.password,
      expectedUpdatedAt: expectedUpdatedAt(),
      ...(askUserId ? { username: values.username } : {}),
    });
    if (result.ok) {
      rememberSigning(user.id);
      onSigned(result.value);
      return;
    }
    const error = result.error;
    const onUsername = error.issues?.find((issue) => issue.path === 'username');
    // An unacknowledged weight check is a problem with the record, answered in the form.
    const onWeightCheck = error.issues?.some((issue) => issue.path.startsWith('weightAcknowledgement.')) ?? false;
    if (error.code === 'CONFLICT') {
      onStale(error);
    } else if (error.code === 'NOT_READY_TO_SIGN' || onWeightCheck) {
      onNotReady(error);
    } else if (onUsername !== undefined) {
      // The server asks for the user ID when this sign-in has not signed yet.
      setAskUserId(true);
      setProblems({ username: onUsername.message, form: error.message });
      focus('sign-username');
    } else if (error.code === 'INVALID_CREDENTIALS') {
      setProblems({ password: error.message });
      focus('sign-password');
    } else {
      setProblems({ form: error.message });
      if (error.code === 'ACCOUNT_LOCKED') await refresh(error.message);
    }
  });

  return (
    <Dialog title={`Sign this ${what}`} onClose={onClose} wide={attestation !== undefined}>
      {attestation}
      <div className="sign-statement">
        <p>
          By signing you confirm that this {what} is accurate and complete as shown. Your electronic signature is the
          legally binding equivalent of your handwritten signature.
        </p>
        <p>
          As 21 CFR 11.50 requires, the signature shows your printed name,{' '}
          <strong className="nowrap" dir="auto">
            {formatPrintedName(user)}
          </strong>
          , the date and time, and the meaning you choose below, and it binds the SHA-256 fingerprint of this exact
          version. Once signed, this version cannot change: a correction is a new version, an amendment, and this one
          stays readable.
        </p>
      </div>
      {weightCheck !== undefined && <SigningWeightCheck findings={weightCheck.findings} reason={weightCheck.reason} />}
      <DialogForm
        problem={problems.form}
        onSubmit={sign}
        submitting={formState.isSubmitting}
        action={`Sign ${what}`}
        busy="Signing…"
        onCancel={onClose}
      >
        <RadioGroup
          id="sign-meaning"
          legend="Meaning of your signature"
          registration={register('meaning')}
          options={meaningOptions}
        />
        {askUserId && (
          <TextField
            id="sign-username"
            label="User ID"
            hint="The first signing after you sign in or unlock asks for your user ID as well."
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            className="input-medium"
            registration={register('username')}
            error={problems.username}
          />
        )}
        <PasswordField
          id="sign-password"
          label="Password"
          registration={register('password')}
          error={problems.password}
        />
      </DialogForm>
    </Dialog>
  );
}
