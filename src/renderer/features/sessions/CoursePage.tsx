import { Link, useParams } from 'react-router';
import type { Patient } from '../../../domain/patient';
import type { RecordView } from '../../../domain/record-view';
import type { ResponseDefinition } from '../../../domain/response-definitions';
import { formatPatientName } from '../../../domain/patient';
import type { SessionCourseItem } from '../../../domain/session-course';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { PatientBanner } from '../../components/PatientBanner';
import { parseRouteId } from '../../lib/route-id';
import { usePageTitle } from '../../lib/use-page-title';
import { ChartLoading } from './ChartLoading';
import { LazyCourseChart } from './lazy-charts';
import type { CoursePoint } from './course-points';
import { coursePoints } from './course-points';
import { courseSeries } from './course-series';
import { CourseSeriesSection } from './CourseSeriesSection';
import { CumulativeDoseLines } from './CumulativeDoseLines';
import { CourseTable } from './CourseTable';
import { dayText } from './entry-time';
import { sessionLabel } from './session-label';
import { SessionList } from './SessionList';

/** The list's fields without the dose: the course gives the drug given per series and in total instead. */
const listRow = ({
  id,
  seriesNumber,
  seriesTotal,
  startedAt,
  createdAt,
  status,
  createdByPrintedName,
}: SessionCourseItem) => ({ id, seriesNumber, seriesTotal, startedAt, createdAt, status, createdByPrintedName });

export function CoursePage() {
  const patientId = parseRouteId(useParams().patientId);
  if (patientId === null) return <NotFoundPage />;
  return <CourseLoader key={patientId} patientId={patientId} />;
}

function CourseLoader({ patientId }: { patientId: number }) {
  const patient = useCall('patients.get', { patientId });
  const sessions = useCall('sessions.course', { patientId }, { live: true });
  const records = useCall('records.list', { patientId }, { live: true });
  const configuration = useCall('clinic.sessionConfiguration.get', {});
  const pending = [patient.loaded, sessions.loaded, records.loaded, configuration.loaded].find(
    (loaded) => loaded.status !== 'ready',
  );
  if (
    pending !== undefined ||
    patient.loaded.status !== 'ready' ||
    sessions.loaded.status !== 'ready' ||
    records.loaded.status !== 'ready' ||
    configuration.loaded.status !== 'ready'
  ) {
    return (
      <div className="page">
        <p className="breadcrumb">
          <Link to={`/patients/${patientId}`}>Back to the chart</Link>
        </p>
        <LoadState loaded={pending ?? { status: 'loading' }} what="course of infusions" />
      </div>
    );
  }
  return (
    <Course
      patient={patient.loaded.value}
      sessions={sessions.loaded.value.sessions}
      records={records.loaded.value.records}
      definitions={configuration.loaded.value.content.responseDefinitions}
    />
  );
}

/**
 * The patient's course: scale totals and pain across the series; each series with its goal,
 * change from baseline and the definitions met; the drug given; every session with its status.
 */
export function Course({
  patient,
  sessions,
  records,
  definitions,
}: {
  patient: Patient;
  sessions: readonly SessionCourseItem[];
  records: readonly RecordView[];
  definitions: readonly ResponseDefinition[] | undefined;
}) {
  const { clinic } = useSignedIn();
  usePageTitle(`${formatPatientName(patient)} · Course of infusions`);
  const points = coursePoints(sessions);
  const course = courseSeries(points, records, definitions);
  const label = (point: CoursePoint) =>
    `${sessionLabel(point.session)}, ${dayText(point.session.startedAt ?? point.session.createdAt, clinic.timeZone)}`;
  return (
    <div className="page">
      <PatientBanner patient={patient} clinicTimeZone={clinic.timeZone} />
      <p className="breadcrumb">
        <Link to="/patients">Patients</Link> › <Link to={`/patients/${patient.id}`}>Chart</Link>
      </p>
      <PageHeading title="Course of infusions" />
      <section className="card" aria-labelledby="course-scales-title">
        <h2 id="course-scales-title">Scales across the series</h2>
        {points.length === 0 ? (
          <p className="value-unknown">No infusion sessions charted yet.</p>
        ) : (
          <>
            <ChartLoading>
              <LazyCourseChart points={points} label={label} />
            </ChartLoading>
            <CourseTable points={points} label={label} />
          </>
        )}
      </section>
      {course.series.map((series) => (
        <CourseSeriesSection
          key={series.planRecordId}
          series={series}
          label={label}
          dayOf={(instant) => dayText(instant, clinic.timeZone)}
        />
      ))}
      {points.length > 0 && (
        <section className="card" aria-labelledby="course-dose-title">
          <h2 id="course-dose-title">Drug given</h2>
          <CumulativeDoseLines dose={course.total} />
        </section>
      )}
      <section className="card" aria-labelledby="course-sessions-title">
        <h2 id="course-sessions-title">Sessions</h2>
        {sessions.length === 0 ? (
          <p className="value-unknown">No infusion sessions charted yet.</p>
        ) : (
          <SessionList patientId={patient.id} sessions={points.map((point) => listRow(point.session))} />
        )}
      </section>
    </div>
  );
}
