import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Patient } from '../../../domain/patient';
import { formatPatientName } from '../../../domain/patient';
import type { SessionView } from '../../../domain/session-view';
import { useSignedIn } from '../../app/sign-in-context';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { PatientBanner } from '../../components/PatientBanner';
import { usePageTitle } from '../../lib/use-page-title';
import { clinicDay, dayText, entryTime } from './entry-time';
import { NextCheckPanel } from './NextCheckPanel';
import { OpenPanel } from './OpenPanel';
import type { Panel } from './panel';
import type { PlanVersion } from './plan-version';
import { PlanFiguresPanel } from './PlanFiguresPanel';
import { PumpPanel } from './PumpPanel';
import { SupervisionPanel } from './SupervisionPanel';
import { savedMessage } from './saved-message';
import { SessionActions } from './SessionActions';
import { sessionLabel } from './session-label';
import { SessionSignatures } from './SessionSignatures';
import { SessionStatusWord } from './SessionStatusWord';
import { Timeline } from './Timeline';
import { useSessionWatch } from './use-session-watch';
import { VitalsSection } from './VitalsSection';

const panelKey = (panel: Panel) => JSON.stringify(panel);

/** The chairside charting screen of one infusion session, readable across the room. */
export function SessionScreen({
  patient,
  session,
  plan,
  onChange,
}: {
  patient: Patient;
  session: SessionView;
  plan: PlanVersion | null;
  onChange: (view: SessionView) => void;
}) {
  const { clinic } = useSignedIn();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const savedRef = useRef<HTMLDivElement>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  const label = sessionLabel(session);
  usePageTitle(`${formatPatientName(patient)} · ${label}`);
  const day = clinicDay(session.createdAt, clinic.timeZone);
  const arrived = useSessionWatch(session, onChange);
  useEffect(() => {
    if (saved !== null) savedRef.current?.focus();
  }, [saved]);

  const open = (next: Panel) => {
    setSaved(null);
    setPanel(next);
  };
  // Focus goes back to the buttons rather than being lost with the closed form.
  const close = () => {
    setPanel(null);
    window.requestAnimationFrame(() => actionsRef.current?.querySelector('button')?.focus());
  };
  const onSaved = (view: SessionView) => {
    if (panel !== null) setSaved(savedMessage(panel, view, (instant) => entryTime(instant, clinic.timeZone, day)));
    setPanel(null);
    onChange(view);
  };
  return (
    <div className="page session-page">
      <PatientBanner patient={patient} clinicTimeZone={clinic.timeZone} />
      <p className="breadcrumb">
        <Link to="/patients">Patients</Link> › <Link to={`/patients/${patient.id}`}>Chart</Link> ›{' '}
        <Link to={`/patients/${patient.id}/course`}>Course of infusions</Link>
      </p>
      <PageHeading title={`${label} · ${dayText(session.createdAt, clinic.timeZone)}`}>
        <p className="session-status-line">
          <span className="label">Status</span> <SessionStatusWord status={session.status} large />
        </p>
      </PageHeading>
      <div className="session-board">
        <PlanFiguresPanel session={session} plan={plan} />
        <PumpPanel session={session} />
        <NextCheckPanel session={session} />
      </div>
      {arrived > 0 && (
        <Notice tone="info" live="status">
          {arrived === 1
            ? 'One entry was charted on another device and is shown below.'
            : `${arrived} entries were charted on another device and are shown below.`}
        </Notice>
      )}
      <div ref={savedRef} tabIndex={-1} className="saved-anchor">
        {saved !== null && (
          <Notice tone="success" live="status">
            {saved}
          </Notice>
        )}
      </div>
      <div ref={actionsRef}>
        <SessionActions session={session} open={panel} onOpen={open} />
      </div>
      {panel !== null && (
        <OpenPanel
          key={panelKey(panel)}
          panel={panel}
          session={session}
          patient={patient}
          onSaved={onSaved}
          onCancel={close}
        />
      )}
      <SupervisionPanel session={session} />
      <VitalsSection session={session} />
      <Timeline session={session} plan={plan} onCorrect={(entryId) => open({ kind: 'correct', entryId })} />
      <SessionSignatures session={session} />
    </div>
  );
}
