import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { SessionView } from '../../../domain/session-view';
import { formatPrintedName } from '../../../domain/user';
import { useSignIn, useSignedIn } from '../../app/sign-in-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/TextField';
import type { FieldProblem } from '../../lib/form-errors';
import { hasSignedBefore, rememberSigning } from '../../lib/signing-memory';
import { lastEntryIdOf } from '../../../domain/session-view';
import { GapsBeforeSigning } from './GapsBeforeSigning';

interface SignValues {
  username: string;
  password: string;
}

const ids = { username: 'sign-username', password: 'sign-password' } as const;

/**
 * The electronic signature of the session record (21 CFR 11.50, 11.200): what signing means,
 * then the user ID and password at the first signing in a session, the password after that.
 */
export function SignPanel({
  session,
  meaning,
  onSigned,
  onCancel,
}: {
  session: SessionView;
  meaning: 'performed' | 'reviewed';
  onSigned: (view: SessionView) => void;
  onCancel: () => void;
}) {
  const { api, refresh } = useSignIn();
  const { user } = useSignedIn();
  const heading = useRef<HTMLHeadingElement>(null);
  const [askUserId, setAskUserId] = useState(() => !hasSignedBefore(user.id));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const { register, handleSubmit, formState, setValue } = useForm<SignValues>({
    defaultValues: { username: '', password: '' },
  });
  useEffect(() => heading.current?.focus(), []);
  const fail = (found: FieldProblem[]) => {
    setProblems(found);
    setAttempt((count) => count + 1);
  };
  const message = (path: keyof SignValues) => problems.find((problem) => problem.path === path)?.message;

  const sign = handleSubmit(async (values) => {
    const found: FieldProblem[] = [];
    if (askUserId && values.username.trim() === '') found.push({ path: 'username', message: 'Enter your user ID' });
    if (values.password === '') found.push({ path: 'password', message: 'Enter your password' });
    if (found.length > 0) return fail(found);
    const result = await api.call('sessions.sign', {
      sessionId: session.id,
      // What the signer has in front of them: the server refuses if more was charted since.
      lastEntryId: lastEntryIdOf(session),
      meaning,
      password: values.password,
      ...(askUserId ? { username: values.username } : {}),
    });
    if (result.ok) {
      rememberSigning(user.id);
      onSigned(result.value);
      return;
    }
    const { error } = result;
    setValue('password', '');
    const onUsername = error.issues?.find((issue) => issue.path === 'username');
    // The server asks for the user ID when this session has not signed yet.
    if (onUsername !== undefined) setAskUserId(true);
    if (onUsername !== undefined)
      return fail([
        { path: null, message: error.message },
        { path: 'username', message: onUsername.message },
      ]);
    if (error.code === 'INVALID_CREDENTIALS') return fail([{ path: 'password', message: error.message }]);
    fail([{ path: null, message: error.message }]);
    if (error.code === 'ACCOUNT_LOCKED') await refresh(error.message);
  });

  const what = meaning === 'performed' ? 'Sign as performed' : 'Co-sign as reviewed';
  return (
    <section className="card session-editor" aria-labelledby="sign-title">
      <h2 id="sign-title" ref={heading} tabIndex={-1}>
        {what}
      </h2>
      <div className="sign-statement">
        <p>
          {meaning === 'performed'
            ? 'By signing you confirm that you performed this infusion and that this record of it is accurate and complete.'
            : 'By co-signing you confirm that you reviewed this infusion record.'}{' '}
          Your electronic signature is the legally binding equivalent of your handwritten signature (21 CFR 11.50,
          11.100).
        </p>
        <p>
          The signature records your printed name, <strong dir="auto">{formatPrintedName(user)}</strong>, the date and
          time, the meaning “{meaning}”, and the SHA-256 fingerprint of the record as it stands now. Later corrections
          are added beside it, never over it, and show the record as amended after signing.
        </p>
      </div>
      <GapsBeforeSigning session={session} />
      <ErrorSummary
        problems={problems}
        attempt={attempt}
        title="Not signed"
        onSelect={(path) => document.getElementById(path === 'username' ? ids.username : ids.password)?.focus()}
      />
      <form onSubmit={(event) => void sign(event)} noValidate>
        {askUserId && (
          <TextField
            id={ids.username}
            label="User ID"
            hint="The first signing after you sign in or unlock asks for your user ID as well."
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            className="input-medium"
            registration={register('username')}
            error={message('username')}
          />
        )}
        <TextField
          id={ids.password}
          label="Password"
          type="password"
          autoComplete="current-password"
          className="input-medium"
          registration={register('password')}
          error={message('password')}
        />
        <div className="actions actions-bar">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Signing…' : what}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
