import type { ReactNode } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { LedgerClient } from '../../contract/client';
import type { ErrorCode } from '../../contract/errors';
import type { SignInInfo } from '../../domain/sign-in';
import { clearAllDrafts } from '../lib/drafts';
import { heartbeatEveryMs, signInPollMs } from '../lib/poll-interval';
import { noteServerTime } from '../lib/server-clock';
import { forgetSigning } from '../lib/signing-memory';
import { sameSignIn } from './same-sign-in';
import type { SignInContextValue } from './sign-in-context';
import { SignInContext } from './sign-in-context';

/** Refusals that mean the sign-in changed under us: ask the server what it is now. */
const signInCodes: ReadonlySet<ErrorCode> = new Set([
  'SIGN_IN_LOCKED',
  'NOT_SIGNED_IN',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_INITIALIZED',
]);

/** Errors of the transport itself (server gone, wrong page): the sign-in is unknown. */
const transportCodes: ReadonlySet<ErrorCode> = new Set(['INTERNAL', 'FORBIDDEN']);

export interface SignInProviderProps {
  client: LedgerClient;
  children: ReactNode;
}

/**
 * Owns the sign-in state: polls it (which does not count as activity), reports keyboard
 * and pointer use as heartbeats (so typing alone keeps a sign-in awake), and notices when
 * any call is refused because the sign-in locked or ended.
 */
export function SignInProvider({ client, children }: SignInProviderProps) {
  const navigate = useNavigate();
  const [signIn, setSignIn] = useState<SignInInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const current = useRef<SignInInfo | null>(null);
  const lastHeartbeat = useRef(0);
  // Bumped by every action that changes the sign-in (sign in, unlock, sign out): a poll that
  // was already on its way describes the sign-in before that action and must not undo it.
  const epoch = useRef(0);

  const apply = useCallback((next: SignInInfo, signedOutNotice?: string) => {
    const previous = current.current;
    current.current = next;
    if ('serverTime' in next) noteServerTime(next.serverTime);
    // A lock or a sign-out ends the continuous sign-in: the next signing asks for the user ID again.
    if (next.state !== 'active' && next.state !== 'must-change-password') forgetSigning();
    if (next.state === 'signed-out' && previous !== null && 'user' in previous) {
      setNotice(signedOutNotice ?? 'You have been signed out. Sign in again to continue.');
    } else if ('user' in next) {
      setNotice(null);
    }
    setProblem(null);
    setSignIn((shown) => (sameSignIn(shown, next) ? shown : next));
  }, []);

  const adopt = useCallback(
    (next: SignInInfo, signedOutNotice?: string) => {
      epoch.current += 1;
      apply(next, signedOutNotice);
    },
    [apply],
  );

  const refresh = useCallback(
    async (signedOutNotice?: string) => {
      const started = epoch.current;
      const result = await client.call('signIn.get', {});
      if (epoch.current !== started) return;
      if (result.ok) apply(result.value, signedOutNotice);
      else if (transportCodes.has(result.error.code)) setProblem(result.error.message);
    },
    [client, apply],
  );

  useEffect(() => {
    // The first look is a timer too, so that no state is set while the effect itself runs.
    const first = window.setTimeout(() => void refresh(), 0);
    const timer = window.setInterval(() => void refresh(), signInPollMs());
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [refresh]);

  const awake = signIn?.state === 'active' || signIn?.state === 'must-change-password';
  useEffect(() => {
    if (!awake) return undefined;
    const onActivity = () => {
      const now = Date.now();
      if (now - lastHeartbeat.current < heartbeatEveryMs) return;
      lastHeartbeat.current = now;
      void client.call('signIn.heartbeat', {}).then((result) => (result.ok ? apply(result.value) : refresh()));
    };
    window.addEventListener('keydown', onActivity, { capture: true, passive: true });
    window.addEventListener('pointerdown', onActivity, { capture: true, passive: true });
    return () => {
      window.removeEventListener('keydown', onActivity, { capture: true });
      window.removeEventListener('pointerdown', onActivity, { capture: true });
    };
  }, [awake, client, apply, refresh]);

  const signOut = useCallback(async () => {
    epoch.current += 1;
    const result = await client.call('auth.signOut', {});
    // Unsaved input belongs to the person who typed it, not to the next user.
    clearAllDrafts();
    current.current = null;
    void navigate('/', { replace: true });
    if (result.ok) adopt(result.value);
    else await refresh();
    setNotice('You have signed out.');
  }, [client, adopt, refresh, navigate]);

  const api = useMemo<LedgerClient>(
    () => ({
      call: async (method, input) => {
        const result = await client.call(method, input);
        if (!result.ok && signInCodes.has(result.error.code)) void refresh();
        return result;
      },
    }),
    [client, refresh],
  );

  const value = useMemo<SignInContextValue>(
    () => ({ signIn, api, adopt, refresh, signOut, notice, problem }),
    [signIn, api, adopt, refresh, signOut, notice, problem],
  );
  return <SignInContext value={value}>{children}</SignInContext>;
}
