import { useState } from 'react';
import { useSignedIn } from '../../app/sign-in-context';
import { mayCall } from '../../app/permissions';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { localDate } from '../../../domain/time';
import { serverNow } from '../../lib/server-clock';
import { CorrectDialog } from './CorrectDialog';
import { DestroyDialog } from './DestroyDialog';
import { ExplainDialog, ReviewDialog } from './DiscrepancyDialogs';
import { JumpButton } from './JumpButton';
import { LossReportDialog } from './LossReportDialog';
import { RegisterHeaderActions } from './RegisterHeaderActions';
import type { OverviewAction } from './RegisterOverviewView';
import { RegisterOverviewView } from './RegisterOverviewView';
import { RegisterReports } from './RegisterReports';
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
        {value !== null && <RegisterHeaderActions mayRecord={value.mayRecord} />}
      </PageHeading>
      {value !== null && (
        <p className="register-registrant">
          Registrant {value.settings.registrantName === '' ? 'not set' : value.settings.registrantName}
          {value.settings.registrationNumber !== '' && `, registration ${value.settings.registrationNumber}`}
          {mayCall(user.role, 'register.settings.update') && (
            <>
              {' '}
              · <JumpButton targetId="register-settings">Register settings</JumpButton>
            </>
          )}
          {mayCall(user.role, 'register.report') && (
            <>
              {' '}
              · <JumpButton targetId="register-reports">Reports</JumpButton>
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
      {value !== null && mayCall(user.role, 'register.report') && (
        <RegisterReports clinicToday={localDate(serverNow(), clinic.timeZone)} />
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
      {open?.kind === 'lossReport' && (
        <LossReportDialog
          countEntryId={open.discrepancy.count.id}
          containerLabel={open.discrepancy.containerLabel}
          category={open.category}
          onClose={close}
          onDone={(text) => {
            // Producing a document changes nothing on the page: no reload needed.
            setOpen(null);
            setMessage(text);
          }}
        />
      )}
    </div>
  );
}
