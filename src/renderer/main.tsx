import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { FullPageMessage } from './components/FullPageMessage';
import { HostUnreachableBanner } from './components/HostUnreachableBanner';
import { DeviceGate } from './features/devices/DeviceGate';
import { connect } from './lib/api';
import { redeemLaunchToken } from './lib/http-invoke';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/buttons.css';
import './styles/dialogs.css';
import './styles/components.css';
import './styles/patient.css';
import './styles/records.css';
import './styles/formulary.css';
import './styles/chairside.css';
import './styles/sessions.css';
import './styles/session-forms.css';
import './styles/session-timeline.css';
import './styles/session-timing.css';
import './styles/signing.css';
import './styles/backups.css';
import './styles/devices.css';
import './styles/register.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

// Before the router starts: browser mode takes its secret (or launch token) out of the address.
await redeemLaunchToken();
const connection = connect();

createRoot(container).render(
  <StrictMode>
    {connection.ok && connection.clinic ? (
      // Clinic mode: the host must know this device before the app starts; the banner is above every screen.
      <>
        <HostUnreachableBanner />
        <DeviceGate>
          <App client={connection.client} />
        </DeviceGate>
      </>
    ) : connection.ok ? (
      <App client={connection.client} />
    ) : (
      <FullPageMessage title="Dosing Ledger cannot start">{connection.message}</FullPageMessage>
    )}
  </StrictMode>,
);
