import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Formulary } from '../../../domain/formulary';
import type { Patient } from '../../../domain/patient';
import { formatPatientName } from '../../../domain/patient';
import type { RecordView } from '../../../domain/record-view';
import { NotFoundPage } from '../../app/NotFoundPage';
import { mayCall } from '../../app/permissions';
import { useSignedIn } from '../../app/sign-in-context';
import { LoadState } from '../../components/LoadState';
import { Notice } from '../../components/Notice';
import { PatientBanner } from '../../components/PatientBanner';
import { clinicToday } from '../../lib/clinic-today';
import { parseRouteId } from '../../lib/route-id';
import { ExamEditor } from '../exams/ExamEditor';
import { ExamView } from '../exams/ExamView';
import { figuresAsSigned, figuresNow } from '../plans/plan-figures';
import { PlanEditor } from '../plans/PlanEditor';
import { PlanView } from '../plans/PlanView';
import { ReviewEditor } from '../reviews/ReviewEditor';
import { ReviewView } from '../reviews/ReviewView';
import { findLinkedExam } from './linked-exam';
import { RecordActions } from './RecordActions';
import { RecordHeading } from './RecordHeading';
import { RecordNotes } from './RecordNotes';
import { recordTitle, recordWhat, shownVersion } from './record-words';
import { useRecordData } from './use-record-data';

export function RecordPage() {
  const params = useParams();
  const patientId = parseRouteId(params.patientId);
  const recordId = parseRouteId(params.recordId);
  if (patientId === null || recordId === null) return <NotFoundPage />;
  return <RecordScreen key={`${patientId}-${recordId}`} patientId={patientId} recordId={recordId} />;
}

/** An exam or a plan: the author's draft to edit, or the version in force to read. */
function RecordScreen({ patientId, recordId }: { patientId: number; recordId: number }) {
  const { clinic } = useSignedIn();
  const data = useRecordData(patientId, recordId);
  return (
    <div className="page">
      {data.patient !== null && <PatientBanner patient={data.patient} clinicTimeZone={clinic.timeZone} />}
      <p className="breadcrumb">
        <Link to="/patients">Patients</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={`/patients/${patientId}`}>Chart</Link>
      </p>
      {data.ready === null ? (
        <LoadState loaded={data.loaded} what="record" />
      ) : (
        <RecordBody
          patient={data.ready.patient}
          view={data.ready.view}
          records={data.ready.records}
          formulary={data.ready.formulary}
          replace={data.replace}
          reload={data.reload}
        />
      )}
    </div>
  );
}

function RecordBody({
  patient,
  view,
  records,
  formulary,
  replace,
  reload,
}: {
  patient: Patient;
  view: RecordView;
  records: readonly RecordView[];
  formulary: Formulary;
  replace: (view: RecordView) => void;
  reload: () => void;
}) {
  const { user, clinic } = useSignedIn();
  const navigate = useNavigate();
  const [notice, setNotice] = useState<string | null>(null);
  const latest = view.versions.at(-1);
  const shown = shownVersion(view);
  if (latest === undefined || shown === undefined) return <p className="value-unknown">This record has no versions.</p>;
  const chart = `/patients/${patient.id}`;
  const drugName = (drugId: string | null) =>
    formulary.content.drugs.find((drug) => drug.id === drugId)?.name ?? drugId ?? '';
  const editing =
    latest.status === 'draft' && latest.authorUserId === user.id && mayCall(user.role, 'records.saveDraft');
  const version = editing ? latest : shown;
  // The author's draft changes as they type, so its heading says what it is rather than what it holds.
  const title = editing
    ? `${version.version === 1 ? 'New' : 'Amending the'} ${recordWhat[version.recordType]}`
    : recordTitle(version, drugName);
  const exam = view.type === 'plan' ? findLinkedExam(records, version.examVersionId) : null;
  // A draft read again ("Load the latest" after a save from another screen) starts a fresh editor.
  const editorKey = `${version.id}:${version.updatedAt}`;
  const onDiscarded = (recordDeleted: boolean) => {
    if (recordDeleted) void navigate(chart);
    else {
      setNotice('The draft is discarded. The signed version below stays in force.');
      reload();
    }
  };
  // After signing or amending, the form the focus was in is gone: the heading takes it.
  const focusHeading = () =>
    window.requestAnimationFrame(() => document.querySelector<HTMLElement>('.record-heading h1')?.focus());
  const onSigned = (signed: RecordView) => {
    replace(signed);
    setNotice('Signed. This version can no longer change; a correction is made by amending it.');
    focusHeading();
  };
  return (
    <>
      <RecordHeading title={title} version={version} pageTitle={`${title} · ${formatPatientName(patient)}`} />
      {notice !== null && (
        <Notice tone="success" live="status">
          {notice}
        </Notice>
      )}
      <RecordNotes view={view} version={version} editing={editing} />
      {!editing && (
        <RecordActions
          view={view}
          patientId={patient.id}
          onChanged={(changed, text) => {
            replace(changed);
            setNotice(text);
            focusHeading();
          }}
          onDiscarded={onDiscarded}
        />
      )}
      {editing && version.recordType === 'exam' && (
        <ExamEditor
          key={editorKey}
          version={version}
          patient={patient}
          onSigned={onSigned}
          onDiscarded={onDiscarded}
          onLoadLatest={reload}
        />
      )}
      {editing && version.recordType === 'plan' && (
        <PlanEditor
          key={editorKey}
          version={version}
          patient={patient}
          patientId={patient.id}
          exam={exam}
          formulary={formulary}
          onSigned={onSigned}
          onDiscarded={onDiscarded}
          onLoadLatest={reload}
        />
      )}
      {editing && version.recordType === 'review' && (
        <ReviewEditor
          key={editorKey}
          version={version}
          patient={patient}
          onSigned={onSigned}
          onDiscarded={onDiscarded}
          onLoadLatest={reload}
        />
      )}
      {!editing && version.recordType === 'review' && (
        <ReviewView content={version.content} computed={version.computed} timeZone={clinic.timeZone} />
      )}
      {!editing && version.recordType === 'exam' && (
        <ExamView content={version.content} weightCheck={version.computed?.weightCheck} />
      )}
      {!editing && version.recordType === 'plan' && (
        <PlanView
          content={version.content}
          figures={
            version.computed === null
              ? figuresNow(version.content, formulary.content, clinicToday(clinic.timeZone))
              : figuresAsSigned(version.computed)
          }
          formularyVersion={version.formularyVersion}
          exam={exam}
          patientId={patient.id}
          weightCheck={version.computed?.weightCheck}
        />
      )}
    </>
  );
}
