import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { Formulary } from '../../../domain/formulary';
import type { RecordVersionView, RecordView } from '../../../domain/record-view';
import { formatDateTime } from '../../../domain/time';
import { useSignedIn } from '../../app/sign-in-context';
import { Facts } from '../../components/Facts';
import { StatusWord } from '../../components/StatusWord';
import { clinicToday } from '../../lib/clinic-today';
import { ExamView } from '../exams/ExamView';
import { figuresAsSigned, figuresNow } from '../plans/plan-figures';
import { PlanView } from '../plans/PlanView';
import { ReviewView } from '../reviews/ReviewView';
import { findLinkedExam } from './linked-exam';
import { VersionPdfButton } from '../documents/StoredPdfButtons';
import { SignatureLines } from './SignatureLines';
import { VersionDiff } from './VersionDiff';

/**
 * One version in the history: its state, who wrote and signed it, its hash, what changed
 * from the version before, and (on request) the version itself. A superseded version stays
 * readable, greyed and struck through, with a way to the current one.
 */
export function VersionCard({
  version,
  previous,
  record,
  records,
  formulary,
  patientId,
}: {
  version: RecordVersionView;
  previous: RecordVersionView | null;
  record: RecordView;
  records: readonly RecordView[];
  formulary: Formulary;
  patientId: number;
}) {
  const { clinic } = useSignedIn();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const superseded = version.displayStatus === 'Superseded';
  return (
    <article className={superseded ? 'card version version-superseded' : 'card version'} aria-labelledby={titleId}>
      <header className="version-header">
        <h2 id={titleId} className="version-heading">
          <span className="version-title">Version {version.version}</span>
        </h2>
        <StatusWord status={version.displayStatus} />
        {superseded && (
          <Link className="version-current-link" to={`/patients/${patientId}/records/${record.id}`}>
            See current version
          </Link>
        )}
      </header>
      <Facts
        columns={3}
        facts={[
          { label: 'Written by', value: version.authorPrintedName, autoDirection: true },
          { label: 'Started', value: formatDateTime(version.createdAt, clinic.timeZone) },
          {
            label: version.signedAt === null ? 'Last saved' : 'Signed',
            value: formatDateTime(version.signedAt ?? version.updatedAt, clinic.timeZone),
          },
        ]}
      />
      {version.amendmentReason !== null && (
        <p className="amendment-reason">
          <span className="label">Reason for the amendment</span>{' '}
          <span className="value" dir="auto">
            {version.amendmentReason}
          </span>
        </p>
      )}
      <SignatureLines signatures={version.signatures} />
      {version.status === 'signed' && <VersionPdfButton versionId={version.id} />}
      <p className="version-hash">
        <span className="label">SHA-256</span>{' '}
        {version.contentSha256 === null ? (
          <span className="value-unknown">Not signed, so not fixed yet</span>
        ) : (
          <code className="hash">{version.contentSha256}</code>
        )}
      </p>
      {previous !== null && <VersionDiff before={previous} after={version} />}
      <button
        type="button"
        className="button button-secondary button-small"
        aria-expanded={open}
        onClick={() => setOpen((shown) => !shown)}
      >
        {open ? `Hide version ${version.version}` : `Show version ${version.version} as recorded`}
      </button>
      {open && (
        <div className="version-content">
          {version.recordType === 'review' && (
            <ReviewView content={version.content} computed={version.computed} timeZone={clinic.timeZone} />
          )}
          {version.recordType === 'exam' && <ExamView content={version.content} />}
          {version.recordType === 'plan' && (
            <PlanView
              content={version.content}
              figures={
                version.computed === null
                  ? figuresNow(version.content, formulary.content, clinicToday(clinic.timeZone))
                  : figuresAsSigned(version.computed)
              }
              formularyVersion={version.formularyVersion}
              exam={findLinkedExam(records, version.examVersionId)}
              patientId={patientId}
            />
          )}
        </div>
      )}
    </article>
  );
}
