import { createContext, useContext } from 'react';
import type { LedgerClient } from '../../contract/client';
import type { Clinic } from '../../domain/clinic';
import type { SignInInfo, SignedInUser } from '../../domain/sign-in';

export interface SignInContextValue {
  /** Null until the first answer from the server. */
  signIn: SignInInfo | null;
  /** The typed client; sign-in-level refusals (locked, signed out) update the sign-in. */
  api: LedgerClient;
  /** Takes the sign-in returned by set-up, sign-in, unlock or a password change. */
  adopt: (signIn: SignInInfo, signedOutNotice?: string) => void;
  /**
   * Asks the server for the sign-in state now rather than at the next poll.
   * `signedOutNotice` explains to the sign-in screen why the sign-in ended, if it did.
   */
  refresh: (signedOutNotice?: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** A message for the sign-in screen, e.g. why the user was signed out. */
  notice: string | null;
  /** The server cannot be reached or refuses this page; shown over whatever is on screen. */
  problem: string | null;
}

export const SignInContext = createContext<SignInContextValue | null>(null);

export function useSignIn(): SignInContextValue {
  const value = useContext(SignInContext);
  if (value === null) throw new Error('useSignIn must be used inside SignInProvider');
  return value;
}

export function useApi(): LedgerClient {
  return useSignIn().api;
}

export interface SignedIn {
  user: SignedInUser;
  clinic: Clinic;
  locked: boolean;
}

/** For screens behind sign-in; the sign-in gate renders them only for a signed-in user. */
export function useSignedIn(): SignedIn {
  const { signIn } = useSignIn();
  if (signIn === null || !('user' in signIn)) throw new Error('useSignedIn used while signed out');
  return { user: signIn.user, clinic: signIn.clinic, locked: signIn.state === 'locked' };
}
