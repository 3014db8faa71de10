import { useState } from 'react';
import { Link } from 'react-router';
import { useSignedIn } from '../../app/sign-in-context';
import { mayCall } from '../../app/permissions';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { CorrectDialog } from './CorrectDialog';
import { DestroyDialog } from './DestroyDialog';
import { ExplainDialog, ReviewDialog } from './DiscrepancyDialogs';
import type { OverviewAction } from './RegisterOverviewView';
import { RegisterOverviewView } from './RegisterOverviewView';
import { RegisterSettingsForm } from './RegisterSettingsForm';
import { ReturnDialog } from './ReturnDialog';

/**
 * The controlled-substance register: stock on hand, what needs attention (discrepancies,
 * expiring lots, open vials), the actions the signed-in role may take, and for an
 * administrator the register settings.
 */
export function RegisterPage() {
  const { user, clinic } = useSignedIn();
  const overview = useCall('register.overview', {});
  const [open, setOpen] = useState<OverviewAction | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (text: string) => {
    setOpen(null);
    setMessage(text);
    overview.reload();
  };
  const close = () => setOpen(null);
  const value = overview.loaded.status === 'ready' ? overview.loaded.value : null;
  return (
    <div className="page">
      <PageHeading title="Controlled-substance register">
        {mayCall(user.role, 'register.receive') && (
          <Link className="button button-primary" to="/register/receive">
            Record a receipt
          </Link>
        )}
        {mayCall(user.role, 'register.inventory') && (
          <Link className="button button-secondary" to="/register/count">
            Count (inventory)
          </Link>
        )}
      </PageHeading>
      {value !== null && (
        <p className="register-registrant">
          Registrant {value.settings.registrantName === '' ? 'not set' : value.settings.registrantName}
          {value.settings.registrationNumber !== '' && `, registration ${value.settings.registrationNumber}`}
          {mayCall(user.role, 'register.settings.update') && (
            <>
              {' '}
              · <a href="#register-settings">Register settings</a>
            </>
          )}
        </p>
      )}
      <div aria-live="polite">{message !== null && <Notice tone="success">{message}</Notice>}</div>
      <LoadState loaded={overview.loaded} what="register" />
      {value !== null && (
        <RegisterOverviewView
          overview={value}
          role={user.role}
          clinicTimeZone={clinic.timeZone}
          onAction={(action) => {
            setMessage(null);
            setOpen(action);
          }}
        />
      )}
      {value !== null && mayCall(user.role, 'register.settings.update') && (
        <RegisterSettingsForm
          settings={value.settings}
          version={value.settingsVersion}
          onSaved={overview.reload}
          onLoadLatest={overview.reload}
        />
      )}
      {open?.kind === 'return' && <ReturnDialog container={open.container} onClose={close} onDone={done} />}
      {open?.kind === 'destroy' && <DestroyDialog container={open.container} onClose={close} onDone={done} />}
      {open?.kind === 'correct' && <CorrectDialog container={open.container} onClose={close} onDone={done} />}
      {open?.kind === 'explain' && <ExplainDialog discrepancy={open.discrepancy} onClose={close} onDone={done} />}
      {open?.kind === 'review' && <ReviewDialog discrepancy={open.discrepancy} onClose={close} onDone={done} />}
    </div>
  );
}
