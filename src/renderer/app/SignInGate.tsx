import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { SignInPage } from '../features/auth/SignInPage';
import { SetupWizard } from '../features/setup/SetupWizard';
import { useSetupScreenHeld } from '../features/setup/restore-hold';
import { FullPageMessage } from '../components/FullPageMessage';
import { useSignIn } from './sign-in-context';
import { SignedInApp } from './SignedInApp';

/** Chooses the screen from the sign-in state the server reports. */
export function SignInGate() {
  const { signIn, problem } = useSignIn();
  const setupHeld = useSetupScreenHeld();
  if (signIn === null) {
    return problem === null ? (
      <FullPageMessage title="Opening Dosing Ledger" busy>
        Connecting to the ledger…
      </FullPageMessage>
    ) : (
      <FullPageMessage title="Dosing Ledger cannot start">{problem}</FullPageMessage>
    );
  }
  switch (signIn.state) {
    case 'not-initialized':
      return <SetupWizard />;
    case 'signed-out':
      // Right after a restore on the set-up screen, that screen stays until its result is read.
      return setupHeld ? <SetupWizard /> : <SignInPage clinicName={signIn.clinic.name} />;
    case 'must-change-password':
      return <ChangePasswordPage />;
    case 'active':
    case 'locked':
      // The same element for both states: locking must not unmount the screen.
      return <SignedInApp />;
  }
}
