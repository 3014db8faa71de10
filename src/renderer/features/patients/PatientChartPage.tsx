import { useEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { Patient } from '../../../domain/patient';
import { formatPatientName } from '../../../domain/patient';
import { NotFoundPage } from '../../app/NotFoundPage';
import { mayCall } from '../../app/permissions';
import { useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { Notice } from '../../components/Notice';
import { PatientBanner } from '../../components/PatientBanner';
import { usePageTitle } from '../../lib/use-page-title';
import { PatientConsents } from '../consents/record/PatientConsents';
import { RecordsPanel } from '../records/RecordsPanel';
import { InfusionSessionsSection } from '../sessions/InfusionSessionsSection';
import { CumulativeDoseSection } from '../sessions/CumulativeDoseSection';
import { PatientDetails } from './PatientDetails';
import { parsePatientId } from './patient-id';
import { savedNotice } from './saved-notice';

export function PatientChartPage() {
  const patientId = parsePatientId(useParams().patientId);
  if (patientId === null) return <NotFoundPage />;
  return <PatientChart key={patientId} patientId={patientId} />;
}

/** Opening a chart is audited by the back end: who looked at which record, when. */
function PatientChart({ patientId }: { patientId: number }) {
  const { loaded } = useCall('patients.get', { patientId });
  return (
    <div className="page">
      {loaded.status === 'ready' ? (
        <Chart patient={loaded.value} />
      ) : (
        <>
          <p className="breadcrumb">
            <Link to="/patients">Patients</Link>
          </p>
          <LoadState loaded={loaded} what="patient record" />
        </>
      )}
    </div>
  );
}

function Chart({ patient }: { patient: Patient }) {
  const { user, clinic } = useSignedIn();
  const saved = savedNotice(useLocation().state);
  usePageTitle(`${formatPatientName(patient)} · Chart`);
  useEffect(() => {
    document.querySelector<HTMLElement>('.banner-name')?.focus();
  }, []);
  return (
    <>
      <PatientBanner patient={patient} clinicTimeZone={clinic.timeZone} nameIsHeading />
      <div className="chart-toolbar">
        <p className="breadcrumb">
          <Link to="/patients">Patients</Link>
        </p>
        {mayCall(user.role, 'patients.update') && (
          <Link className="button button-secondary" to={`/patients/${patient.id}/edit`}>
            Edit patient details
          </Link>
        )}
      </div>
      {saved !== null && (
        <Notice tone="success" live="status">
          {saved}
        </Notice>
      )}
      <PatientDetails patient={patient} clinicTimeZone={clinic.timeZone} />
      <RecordsPanel patientId={patient.id} />
      <PatientConsents patientId={patient.id} />
      <InfusionSessionsSection patientId={patient.id} />
      <CumulativeDoseSection patientId={patient.id} />
    </>
  );
}
