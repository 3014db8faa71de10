import type { ReactNode } from 'react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { CallResult } from '../../../contract/errors';
import type { RegisterDocument } from '../../../contract/register-report-methods';
import { formatPrintedName } from '../../../domain/user';
import { useSignIn, useSignedIn } from '../../app/sign-in-context';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { PasswordField } from '../../components/PasswordField';
import { TextField } from '../../components/TextField';
import { hasSignedBefore, rememberSigning } from '../../lib/signing-memory';
import { saveRegisterDocument } from './register-document';

export interface DocumentSigner {
  username?: string;
  password: string;
}

interface SignValues {
  username: string;
  password: string;
}

type Problems = Partial<Record<'username' | 'password' | 'form', string>>;

/**
 * Signs a register PDF as its producer (21 CFR 11.200), as a plan or a session is signed: user
 * ID and password at the first signing of a sign-in, the password alone after that (the server
 * decides and says so). The signed file is then saved to this device.
 */
export function SignDocumentDialog({
  title,
  children,
  action,
  produce,
  onClose,
  onDone,
}: {
  title: string;
  /** What is being signed: the document, its range or its discrepancy. */
  children: ReactNode;
  /** "Sign and save the PDF" */
  action: string;
  produce: (signer: DocumentSigner) => Promise<CallResult<RegisterDocument>>;
  onClose: () => void;
  onDone: (document: RegisterDocument) => void;
}) {
  const { refresh } = useSignIn();
  const { user } = useSignedIn();
  const [askUserId, setAskUserId] = useState(() => !hasSignedBefore(user.id));
  const [problems, setProblems] = useState<Problems>({});
  const { register, handleSubmit, formState, setValue } = useForm<SignValues>({
    defaultValues: { username: '', password: '' },
  });
  const focus = (id: string) => window.requestAnimationFrame(() => document.getElementById(id)?.focus());

  const sign = handleSubmit(async (values) => {
    const found: Problems = {};
    if (askUserId && values.username.trim() === '') found.username = 'Enter your user ID';
    if (values.password === '') found.password = 'Enter your password';
    setProblems(found);
    if (found.username !== undefined || found.password !== undefined) {
      focus(found.username !== undefined ? 'document-sign-username' : 'document-sign-password');
      return;
    }
    const result = await produce({
      password: values.password,
      ...(askUserId ? { username: values.username } : {}),
    });
    if (result.ok) {
      rememberSigning(user.id);
      saveRegisterDocument(result.value);
      onDone(result.value);
      return;
    }
    const { error } = result;
    setValue('password', '');
    const onUsername = error.issues?.find((issue) => issue.path === 'username');
    if (onUsername !== undefined) {
      // The server asks for the user ID when this sign-in has not signed yet.
      setAskUserId(true);
      setProblems({ username: onUsername.message, form: error.message });
      focus('document-sign-username');
    } else if (error.code === 'INVALID_CREDENTIALS') {
      setProblems({ password: error.message });
      focus('document-sign-password');
    } else {
      setProblems({ form: error.message });
      if (error.code === 'ACCOUNT_LOCKED') await refresh(error.message);
    }
  });

  return (
    <Dialog title={title} onClose={onClose}>
      {children}
      <div className="sign-statement">
        <p>
          By signing you attest that this document shows what the register holds. Your electronic signature is the
          legally binding equivalent of your handwritten signature. It shows your printed name,{' '}
          <strong className="nowrap" dir="auto">
            {formatPrintedName(user)}
          </strong>
          , the date and time, and binds the SHA-256 fingerprint of the document.
        </p>
      </div>
      <DialogForm
        problem={problems.form}
        onSubmit={sign}
        submitting={formState.isSubmitting}
        action={action}
        busy="Signing…"
        onCancel={onClose}
      >
        {askUserId && (
          <TextField
            id="document-sign-username"
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
          id="document-sign-password"
          label="Password"
          registration={register('password')}
          error={problems.password}
        />
      </DialogForm>
    </Dialog>
  );
}
