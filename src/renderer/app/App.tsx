import { HashRouter } from 'react-router';
import type { LedgerClient } from '../../contract/client';
import { SessionGate } from './SessionGate';
import { SessionProvider } from './SessionProvider';

export function App({ client }: { client: LedgerClient }) {
  return (
    <HashRouter>
      <SessionProvider client={client}>
        <SessionGate />
      </SessionProvider>
    </HashRouter>
  );
}
