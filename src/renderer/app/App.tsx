import { HashRouter } from 'react-router';
import type { LedgerClient } from '../../contract/client';
import { SignInGate } from './SignInGate';
import { SignInProvider } from './SignInProvider';

export function App({ client }: { client: LedgerClient }) {
  return (
    <HashRouter>
      <SignInProvider client={client}>
        <SignInGate />
      </SignInProvider>
    </HashRouter>
  );
}
