import { createContext, useContext } from 'react';
import type { LedgerClient } from '../../contract/client';
import type { Clinic } from '../../domain/clinic';
import type { SessionInfo, SessionUser } from '../../domain/session';

export interface SessionContextValue {
  /** Null until the first answer from the server. */
  session: SessionInfo | null;
  /** The typed client; session-level refusals (locked, signed out) update the session. */
  api: LedgerClient;
  /** Takes the session returned by set-up, sign-in, unlock or a password change. */
  adopt: (session: SessionInfo, signedOutNotice?: string) => void;
  /**
   * Asks the server for the session state now rather than at the next poll.
   * `signedOutNotice` explains to the sign-in screen why the session ended, if it did.
   */
  refresh: (signedOutNotice?: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** A message for the sign-in screen, e.g. why the user was signed out. */
  notice: string | null;
  /** The server cannot be reached or refuses this page; shown over whatever is on screen. */
  problem: string | null;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession must be used inside SessionProvider');
  return value;
}

export function useApi(): LedgerClient {
  return useSession().api;
}

export interface SignedIn {
  user: SessionUser;
  clinic: Clinic;
  locked: boolean;
}

/** For screens behind sign-in; the session gate renders them only for a signed-in user. */
export function useSignedIn(): SignedIn {
  const { session } = useSession();
  if (session === null || !('user' in session)) throw new Error('useSignedIn used while signed out');
  return { user: session.user, clinic: session.clinic, locked: session.state === 'locked' };
}
