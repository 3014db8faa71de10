import { useRef } from 'react';
import { LockOverlay } from '../features/auth/LockOverlay';
import { SetupCompleteNotice } from '../features/setup/SetupCompleteNotice';
import { hostReachability } from '../lib/clinic-connection';
import { useHostUnreachable } from '../lib/host-reachability';
import { AppRoutes } from './AppRoutes';
import { useSignIn, useSignedIn } from './sign-in-context';
import { TopBar } from './TopBar';

/**
 * The signed-in app. When the sign-in locks, the app stays mounted behind the lock
 * (inert and covered) so unsaved input is there again after unlocking.
 */
export function SignedInApp() {
  const { locked } = useSignedIn();
  const { problem } = useSignIn();
  const main = useRef<HTMLElement>(null);
  // In clinic mode the host-unreachable line above every screen already says it, and more plainly.
  const hostUnreachable = useHostUnreachable(hostReachability);
  return (
    <>
      <div className="app-shell" inert={locked}>
        <button type="button" className="skip-link" onClick={() => main.current?.focus()}>
          Skip to main content
        </button>
        <TopBar />
        {problem !== null && !hostUnreachable && (
          <div className="connection-problem" role="alert">
            {problem}
          </div>
        )}
        <main className="main" id="main" tabIndex={-1} ref={main}>
          <SetupCompleteNotice />
          <AppRoutes />
        </main>
      </div>
      {locked && <LockOverlay />}
    </>
  );
}
