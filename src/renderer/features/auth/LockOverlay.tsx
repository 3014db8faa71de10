import { useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useForm } from 'react-hook-form';
import { formatPrintedName } from '../../../domain/user';
import { useSignIn, useSignedIn } from '../../app/sign-in-context';
import { Icon } from '../../components/Icon';
import { MessageText } from '../../components/MessageText';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import { useFocusTrap } from '../../lib/use-focus-trap';

interface UnlockValues {
  password: string;
}

/**
 * The lock screen: a modal dialog over the app, which stays mounted (and keeps what was
 * typed) but is covered, since a locked screen must not show patient data.
 */
export function LockOverlay() {
  const { user, clinic } = useSignedIn();
  const { api, adopt, refresh, signOut } = useSignIn();
  const dialog = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const textId = useId();
  const [message, setMessage] = useState<string | null>(null);
  const { register, handleSubmit, formState, setFocus } = useForm<UnlockValues>({ defaultValues: { password: '' } });
  useFocusTrap(dialog);

  const unlock = handleSubmit(async ({ password }) => {
    if (password === '') {
      setMessage('Enter your password to unlock.');
      setFocus('password');
      return;
    }
    const result = await api.call('auth.unlock', { password });
    if (result.ok) {
      adopt(result.value);
      return;
    }
    setMessage(result.error.message);
    if (result.error.code === 'ACCOUNT_LOCKED') await refresh(result.error.message);
    else setFocus('password');
  });

  return createPortal(
    <div className="lock-backdrop">
      <div
        className="lock-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        ref={dialog}
      >
        <Icon name="lock" className="lock-icon" />
        <h2 id={titleId} className="lock-title">
          Screen locked
        </h2>
        <p id={textId}>
          The screen locked after {clinic.autoLockMinutes} minutes without activity. Your unsaved work is kept. Enter
          the password of <span dir="auto">{formatPrintedName(user)}</span> to continue.
        </p>
        {message !== null && (
          <Notice tone="error" live="alert">
            <MessageText text={message} />
          </Notice>
        )}
        <form onSubmit={(event) => void unlock(event)} noValidate>
          <TextField
            id="unlock-password"
            label="Password"
            type="password"
            autoComplete="current-password"
            registration={register('password')}
          />
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
              Unlock
            </button>
            <button type="button" className="button button-secondary" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
          <p className="hint">Signing out discards anything not yet saved.</p>
        </form>
      </div>
    </div>,
    document.body,
  );
}
