import { useState } from 'react';
import type { ReviewContent } from '../../../domain/course-review';
import { decisionText, outcomeText, planText } from '../../../domain/course-review-text';
import type { Patient } from '../../../domain/patient';
import type { RecordVersionView, RecordView } from '../../../domain/record-view';
import { formatDate } from '../../../domain/time';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Facts } from '../../components/Facts';
import { Notice } from '../../components/Notice';
import { clinicToday } from '../../lib/clinic-today';
import { focusField } from '../../lib/focus-field';
import { DraftBar } from '../records/DraftBar';
import { SigningPatient } from '../records/SigningSummary';
import { useDraftEditor } from '../records/use-draft-editor';
import { neverSaved } from '../exams/exam-form-values';
import type { ReviewFormValues } from './review-form';
import { reviewContentFrom, reviewFormSigningProblems, reviewFormValues, reviewFormValuesSchema } from './review-form';
import { ReviewDecisionSection } from './ReviewDecisionSection';
import { ReviewFigures } from './ReviewFigures';

type ReviewVersion = Extract<RecordVersionView, { recordType: 'review' }>;

/** What the signer attests to: the patient, the plan reviewed, the outcome and the decision. */
function ReviewAttestation({
  patient,
  content,
  version,
}: {
  patient: Patient;
  content: ReviewContent;
  version: ReviewVersion;
}) {
  return (
    <section className="signing-summary" aria-label="What you are signing">
      <h3 className="signing-summary-title">What you are signing</h3>
      <SigningPatient patient={patient} />
      <Facts
        facts={[
          { label: 'Plan reviewed', value: version.draftFigures === undefined ? '' : planText(version.draftFigures) },
          { label: 'Review date', value: content.reviewDate === null ? '' : formatDate(content.reviewDate) },
          { label: 'Outcome', value: content.outcome === null ? '' : outcomeText(content) },
          { label: 'Decision', value: content.decision === null ? '' : decisionText(content) },
          { label: 'Reason', value: content.reason, autoDirection: true },
        ]}
      />
    </section>
  );
}

/**
 * The physician's own course review draft: the series' figures read-only, then outcome,
 * decision (with the interval for maintenance), reason and notes, saved as they type.
 */
export function ReviewEditor({
  version,
  patient,
  onSigned,
  onDiscarded,
  onLoadLatest,
}: {
  version: ReviewVersion;
  patient: Patient;
  onSigned: (view: RecordView) => void;
  onDiscarded: (recordDeleted: boolean) => void;
  onLoadLatest: () => void;
}) {
  const api = useApi();
  const { clinic } = useSignedIn();
  const [newDraftToday] = useState(() => (neverSaved(version) ? clinicToday(clinic.timeZone) : null));
  const planRecordId = version.content.planRecordId;
  const editor = useDraftEditor<ReviewFormValues, ReviewContent>({
    versionId: version.id,
    updatedAt: version.updatedAt,
    fromServer: reviewFormValues(version.content, newDraftToday),
    valuesSchema: reviewFormValuesSchema,
    contentFrom: (values) => reviewContentFrom(values, planRecordId),
    signingProblems: reviewFormSigningProblems,
    save: (content, expectedUpdatedAt) =>
      api.call('records.saveDraft', { type: 'review', versionId: version.id, expectedUpdatedAt, content }),
    savedContent: version.content,
  });
  const { register } = editor.form;
  const { messages, values } = editor;
  return (
    <>
      <div className="record-editor">
        {editor.restored && (
          <Notice tone="info" live="status">
            What you typed before and had not yet saved is restored from this window, and is being saved now.
          </Notice>
        )}
        <ErrorSummary
          title="This course review cannot be signed yet"
          problems={editor.summary}
          attempt={editor.attempt}
          onSelect={(path) => focusField('review', path)}
        />
        <ReviewFigures figures={version.draftFigures} timeZone={clinic.timeZone} asSigned={false} />
        <ReviewDecisionSection register={register} values={values} messages={messages} />
      </div>
      <DraftBar
        editor={editor}
        what="course review"
        prefix="review"
        versionId={version.id}
        amendment={version.version > 1}
        onSigned={onSigned}
        onDiscarded={onDiscarded}
        recordType="review"
        onLoadLatest={onLoadLatest}
        attestation={<ReviewAttestation patient={patient} content={editor.current.content} version={version} />}
      />
    </>
  );
}
