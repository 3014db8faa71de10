import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../../domain/time';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useSignedIn } from '../../app/sign-in-context';
import { LoadState } from '../../components/LoadState';
import { MessageText } from '../../components/MessageText';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { PatientBanner } from '../../components/PatientBanner';
import { StatusWord } from '../../components/StatusWord';
import { parseRouteId } from '../../lib/route-id';
import { RecordActions } from './RecordActions';
import { recordTitle, shownVersion } from './record-words';
import { useRecordData } from './use-record-data';
import { VerifyPanel } from './VerifyPanel';
import { VersionCard } from './VersionCard';

export function RecordHistoryPage() {
  const params = useParams();
  const patientId = parseRouteId(params.patientId);
  const recordId = parseRouteId(params.recordId);
  if (patientId === null || recordId === null) return <NotFoundPage />;
  return <History key={`${patientId}-${recordId}`} patientId={patientId} recordId={recordId} />;
}

/** Every version of a record, oldest first, with what changed between them and their signatures. */
function History({ patientId, recordId }: { patientId: number; recordId: number }) {
  const { clinic } = useSignedIn();
  const navigate = useNavigate();
  const data = useRecordData(patientId, recordId);
  const [notice, setNotice] = useState<string | null>(null);
  const ready = data.ready;
  const shown = ready === null ? undefined : shownVersion(ready.view);
  const title =
    ready === null || shown === undefined
      ? 'Version history'
      : `${recordTitle(shown, (drugId) => ready.formulary.content.drugs.find((drug) => drug.id === drugId)?.name ?? drugId ?? '')} — version history`;
  const recordPath = `/patients/${patientId}/records/${recordId}`;
  return (
    <div className="page">
      {data.patient !== null && <PatientBanner patient={data.patient} clinicTimeZone={clinic.timeZone} />}
      <p className="breadcrumb">
        <Link to="/patients">Patients</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={`/patients/${patientId}`}>Chart</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={recordPath}>Record</Link>
      </p>
      <PageHeading title={title} />
      {ready === null ? (
        <LoadState loaded={data.loaded} what="record" />
      ) : (
        <>
          {notice !== null && (
            <Notice tone="success" live="status">
              {notice}
            </Notice>
          )}
          <RecordActions
            view={ready.view}
            patientId={patientId}
            historyLink={false}
            onChanged={(changed, text) => {
              if (changed.versions.at(-1)?.status === 'draft') {
                void navigate(recordPath);
                return;
              }
              data.replace(changed);
              setNotice(text);
            }}
            onDiscarded={(recordDeleted) => {
              if (recordDeleted) void navigate(`/patients/${patientId}`);
              else {
                setNotice('The draft is discarded.');
                data.reload();
              }
            }}
          />
          <ol className="versions">
            {ready.view.versions.map((version, index) => (
              <li key={version.id}>
                <VersionCard
                  version={version}
                  previous={ready.view.versions[index - 1] ?? null}
                  record={ready.view}
                  records={ready.records}
                  formulary={ready.formulary}
                  patientId={patientId}
                />
              </li>
            ))}
            {ready.view.discontinued !== null && (
              <li>
                <article className="card version version-event" aria-label="Discontinued">
                  <header className="version-header">
                    <StatusWord status="Discontinued" />
                  </header>
                  <p>
                    <MessageText
                      text={`Discontinued on ${formatDateTime(ready.view.discontinued.at, clinic.timeZone)} by ${ready.view.discontinued.printedName}.`}
                    />
                  </p>
                  <p>
                    <span className="label">Reason</span>{' '}
                    <span className="value" dir="auto">
                      {ready.view.discontinued.reason}
                    </span>
                  </p>
                </article>
              </li>
            )}
          </ol>
          <VerifyPanel recordId={recordId} />
        </>
      )}
    </div>
  );
}
