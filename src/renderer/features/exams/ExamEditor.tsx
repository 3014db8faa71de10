import { useState } from 'react';
import type { ExamContent } from '../../../domain/exam';
import { suicideRiskFlags } from '../../../domain/suicide-risk';
import type { Patient } from '../../../domain/patient';
import type { RecordVersionView, RecordView } from '../../../domain/record-view';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';
import { clinicToday } from '../../lib/clinic-today';
import { focusField } from '../../lib/focus-field';
import { DraftBar } from '../records/DraftBar';
import { ExamAttestation } from '../records/SigningSummary';
import { useDraftEditor } from '../records/use-draft-editor';
import { BodySection } from './BodySection';
import { examContentFrom, examFormSigningProblems, examWeightFindings } from './exam-form-content';
import type { ExamFormValues } from './exam-form-values';
import { examFormValues, examFormValuesSchema, neverSaved } from './exam-form-values';
import { FindingsSection } from './FindingsSection';
import { HistorySection } from './HistorySection';
import { IndicationSection } from './IndicationSection';
import { pretreatmentFormProblems } from './pretreatment-form';
import { PretreatmentSection } from './PretreatmentSection';
import { PriorTreatmentsSection } from './PriorTreatmentsSection';
import { ScalesSection } from './ScalesSection';
import { ScreeningSection } from './ScreeningSection';
import { SuicideRiskSection } from './SuicideRiskSection';
import { VitalsSection } from './VitalsSection';

type ExamVersion = Extract<RecordVersionView, { recordType: 'exam' }>;

/** The physician's own exam draft: every field of the exam, saved as they type. */
export function ExamEditor({
  version,
  patient,
  onSigned,
  onDiscarded,
  onLoadLatest,
}: {
  version: ExamVersion;
  patient: Patient;
  onSigned: (view: RecordView) => void;
  onDiscarded: (recordDeleted: boolean) => void;
  /** Reads the record again after this draft was saved from another screen. */
  onLoadLatest: () => void;
}) {
  const api = useApi();
  const { clinic } = useSignedIn();
  // A draft never saved starts on today's date (exam and weight); one saved keeps its own.
  const [newDraftToday] = useState(() => (neverSaved(version) ? clinicToday(clinic.timeZone) : null));
  // The patient's previous weights and the clinic's settings, sent with the draft.
  const weightCheck = version.draftWeightCheck;
  // The clinic's pre-treatment requirements (null while loading), for the status and the reason.
  const configuration = useCall('clinic.sessionConfiguration.get', {});
  const requirements =
    configuration.loaded.status === 'ready' ? configuration.loaded.value.content.pretreatmentRequirements : null;
  const editor = useDraftEditor<ExamFormValues, ExamContent>({
    versionId: version.id,
    updatedAt: version.updatedAt,
    fromServer: examFormValues(version.content, newDraftToday),
    valuesSchema: examFormValuesSchema,
    contentFrom: (values) => examContentFrom(values, weightCheck, requirements),
    signingProblems: (content) => [
      ...examFormSigningProblems(content, weightCheck),
      ...pretreatmentFormProblems(content, requirements),
    ],
    save: (content, expectedUpdatedAt) =>
      api.call('records.saveDraft', { type: 'exam', versionId: version.id, expectedUpdatedAt, content }),
    savedContent: version.content,
  });
  const { register, setValue } = editor.form;
  const weightFindings = examWeightFindings(editor.current.content, weightCheck);
  const section = { register, values: editor.values, messages: editor.messages };
  return (
    // A set of sections rather than one <form>: nothing is submitted (it saves as it is typed),
    // and the signing dialog has a form of its own.
    <>
      <div className="record-editor">
        {editor.restored && (
          <Notice tone="info" live="status">
            What you typed before and had not yet saved is restored from this window, and is being saved now.
          </Notice>
        )}
        <ErrorSummary
          title="This exam cannot be signed yet"
          problems={editor.summary}
          attempt={editor.attempt}
          onSelect={(path) => focusField('exam', path)}
        />
        <IndicationSection {...section} setValue={setValue} />
        <HistorySection {...section} allergies={patient.allergies} />
        <PriorTreatmentsSection control={editor.form.control} register={register} messages={editor.messages} />
        <PretreatmentSection
          control={editor.form.control}
          register={register}
          values={editor.values}
          messages={editor.messages}
          content={editor.current.content}
          requirements={requirements}
        />
        <ScreeningSection {...section} />
        <VitalsSection register={register} messages={editor.messages} />
        <BodySection
          {...section}
          setValue={setValue}
          weight={editor.current.content.weight}
          weightFindings={weightFindings}
        />
        <ScalesSection {...section} setValue={setValue} />
        <SuicideRiskSection
          register={register}
          values={editor.values}
          messages={editor.messages}
          flags={suicideRiskFlags(editor.current.content)}
        />
        <FindingsSection register={register} messages={editor.messages} />
      </div>
      <DraftBar
        editor={editor}
        what="exam"
        prefix="exam"
        versionId={version.id}
        amendment={version.version > 1}
        onSigned={onSigned}
        onDiscarded={onDiscarded}
        recordType="exam"
        onLoadLatest={onLoadLatest}
        weightCheck={{
          findings: weightFindings,
          reason: editor.current.content.weightAcknowledgement?.reason ?? '',
        }}
        attestation={<ExamAttestation patient={patient} content={editor.current.content} />}
      />
    </>
  );
}
