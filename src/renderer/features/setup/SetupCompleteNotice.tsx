import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useSignedIn } from '../../app/sign-in-context';
import { Notice } from '../../components/Notice';
import { forgetSetupComplete, setupCompleteMessage, wasJustSetUp } from './setup-complete';

/**
 * On the first screen after the set-up wizard: the administrator it created is now signed in,
 * said in words (the top bar shows the same name and role on every screen). It stays until
 * that screen is left. It lives in the signed-in shell, which stays mounted from screen to screen.
 */
export function SetupCompleteNotice() {
  const { user } = useSignedIn();
  const { pathname } = useLocation();
  // undefined: nothing to say; null: set-up just finished, waiting for the first screen ("/"
  // only redirects); a path: the first screen, where the notice shows.
  const [screen, setScreen] = useState<string | null | undefined>(() => (wasJustSetUp(user.id) ? null : undefined));
  useEffect(() => forgetSetupComplete(), []);
  if (screen === null && pathname !== '/') setScreen(pathname);
  if (typeof screen === 'string' && pathname !== screen) setScreen(undefined);
  if (screen === undefined || pathname !== screen) return null;
  return (
    <div className="page">
      <Notice tone="success" live="status">
        {setupCompleteMessage(user)} Add the clinic&apos;s physicians, nurses and auditors on the Users screen.
      </Notice>
    </div>
  );
}
