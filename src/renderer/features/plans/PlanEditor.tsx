import { useState } from 'react';
import type { Formulary } from '../../../domain/formulary';
import type { Patient } from '../../../domain/patient';
import type { PlanContent } from '../../../domain/plan';
import { evaluatePlan } from '../../../domain/plan';
import { newlyEnteredWeight } from '../../../domain/weight-acknowledgement';
import type { RecordVersionView, RecordView } from '../../../domain/record-view';
import type { ResponseDefinition } from '../../../domain/response-definitions';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';
import { clinicToday } from '../../lib/clinic-today';
import { focusField } from '../../lib/focus-field';
import type { LinkedExam } from '../records/linked-exam';
import { DraftBar } from '../records/DraftBar';
import { PlanAttestation } from '../records/SigningSummary';
import { useDraftEditor } from '../records/use-draft-editor';
import { ArithmeticPanel } from './ArithmeticPanel';
import { CourseGoalSection } from './CourseGoalSection';
import { DoseSection } from './DoseSection';
import { DrugSection } from './DrugSection';
import { LinkedExamSummary } from './LinkedExamSummary';
import type { PlanContext } from './plan-form-content';
import { planContentFrom, planWeightFindings } from './plan-form-content';
import type { PlanFormValues } from './plan-form-values';
import { planFormValues, planFormValuesSchema } from './plan-form-values';
import { planSigningProblems } from './plan-signing-problems';
import { PlanNotesSection } from './PlanNotesSection';
import { ScheduleSection } from './ScheduleSection';

type PlanVersion = Extract<RecordVersionView, { recordType: 'plan' }>;
type PlanEditorProps = Parameters<typeof PlanEditorForm>[0];

/**
 * Waits for the clinic's response definitions before the form opens: a save made without
 * them would drop the wording of the definitions the plan chose.
 */
export function PlanEditor(props: Omit<PlanEditorProps, 'responseDefinitions'>) {
  const configuration = useCall('clinic.sessionConfiguration.get', {});
  if (configuration.loaded.status !== 'ready') {
    return <LoadState loaded={configuration.loaded} what="clinic’s response definitions" />;
  }
  return <PlanEditorForm {...props} responseDefinitions={configuration.loaded.value.content.responseDefinitions} />;
}

/**
 * The physician's own plan draft, with the app's arithmetic and the clinic's limit checks
 * beside it, live. Saved as they type; signing needs every field and a reason for each
 * value outside a soft limit.
 */
function PlanEditorForm({
  version,
  patient,
  patientId,
  exam,
  formulary,
  onSigned,
  onDiscarded,
  onLoadLatest,
  responseDefinitions,
}: {
  version: PlanVersion;
  /** Named with two identifiers in the signing dialog. */
  patient: Patient;
  patientId: number;
  exam: LinkedExam | null;
  formulary: Formulary;
  onSigned: (view: RecordView) => void;
  onDiscarded: (recordDeleted: boolean) => void;
  /** Reads the record again after this draft was saved from another screen. */
  onLoadLatest: () => void;
  responseDefinitions: readonly ResponseDefinition[] | undefined;
}) {
  const api = useApi();
  const { clinic } = useSignedIn();
  const [today] = useState(() => clinicToday(clinic.timeZone));
  const examWeight = exam?.version.content.weight ?? null;
  const context: PlanContext = {
    examWeight,
    drugs: formulary.content.drugs,
    pumps: formulary.content.pumps ?? [],
    today,
    weightCheck: version.draftWeightCheck,
    responseDefinitions,
  };
  const editor = useDraftEditor<PlanFormValues, PlanContent>({
    versionId: version.id,
    updatedAt: version.updatedAt,
    fromServer: planFormValues(version.content, examWeight !== null),
    valuesSchema: planFormValuesSchema,
    contentFrom: (values) => {
      const { content, issues } = planContentFrom(values, context);
      return { content, issues };
    },
    signingProblems: (content) => planSigningProblems(content, context),
    save: (content, expectedUpdatedAt) =>
      api.call('records.saveDraft', { type: 'plan', versionId: version.id, expectedUpdatedAt, content }),
    savedContent: version.content,
  });
  const { register, setValue } = editor.form;
  const content = editor.current.content;
  const evaluation = evaluatePlan(content, context.drugs, today, context.pumps, responseDefinitions);
  const weightFindings = planWeightFindings(content, context);
  const section = { register, values: editor.values, messages: editor.messages, setValue };
  return (
    <>
      <div className="plan-layout">
        <div className="record-editor">
          {editor.restored && (
            <Notice tone="info" live="status">
              What you typed before and had not yet saved is restored from this window, and is being saved now.
            </Notice>
          )}
          <ErrorSummary
            title="This plan cannot be signed yet"
            problems={editor.summary}
            attempt={editor.attempt}
            onSelect={(path) => focusField('plan', path)}
          />
          <LinkedExamSummary exam={exam} patientId={patientId} />
          <DrugSection {...section} drugs={context.drugs} pumps={context.pumps} />
          <DoseSection
            {...section}
            examWeight={examWeight}
            entered={newlyEnteredWeight(content)}
            weightFindings={weightFindings}
          />
          <ScheduleSection register={register} values={editor.values} messages={editor.messages} />
          <CourseGoalSection {...section} definitions={responseDefinitions} />
          <PlanNotesSection register={register} messages={editor.messages} />
        </div>
        <ArithmeticPanel
          content={content}
          evaluation={evaluation}
          formularyVersion={formulary.version}
          register={register}
          messages={editor.messages}
        />
      </div>
      <DraftBar
        editor={editor}
        what="infusion plan"
        prefix="plan"
        versionId={version.id}
        amendment={version.version > 1}
        onSigned={onSigned}
        onDiscarded={onDiscarded}
        recordType="plan"
        onLoadLatest={onLoadLatest}
        weightCheck={{ findings: weightFindings, reason: content.weightAcknowledgement?.reason ?? '' }}
        attestation={<PlanAttestation patient={patient} content={content} evaluation={evaluation} />}
      />
    </>
  );
}
