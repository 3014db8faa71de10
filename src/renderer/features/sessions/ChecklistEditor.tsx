import { useWatch } from 'react-hook-form';
import type { CallResult } from '../../../contract/errors';
import { checklistScalesFor } from '../../../domain/configured-entry-checks';
import type { Checklist } from '../../../domain/infusion-session';
import type { MonitoringItem } from '../../../domain/session-monitoring';
import type { Patient } from '../../../domain/patient';
import type { TimingFinding } from '../../../domain/session-timing';
import type { SessionView } from '../../../domain/session-view';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { EntryEditorFrame, editorPrefix } from './EntryEditorFrame';
import type { ChecklistFormValues, ChecklistScales } from './checklist-form';
import { checklistFormValues, checklistFrom } from './checklist-form';
import { ChecklistFields } from './ChecklistFields';
import { MonitoringFieldset } from './MonitoringFieldset';
import type { EntryRequest } from './check-entry';
import { useEntryEditor } from './use-entry-editor';

interface ChecklistEditorProps {
  patient: Patient;
  draftKey: string;
  correcting: { checklist: Checklist; occurredAt: string } | null;
  save: (request: EntryRequest<Checklist>) => Promise<CallResult<SessionView>>;
  onSaved: (view: SessionView) => void;
  onCancel: () => void;
  /** What the typed time surfaces against the plan (before its interval, say). */
  timingFindings?: (occurredAt: string) => TimingFinding[];
}

/**
 * The pre-infusion checklist: filled in to start a session, or prefilled to correct it.
 * `save` starts the session or records the correction. It asks the scales the clinic's
 * session settings ask (a correction also keeps those the corrected checklist recorded).
 */
export function ChecklistEditor(props: ChecklistEditorProps) {
  const { loaded } = useCall('clinic.sessionConfiguration.get', {});
  if (loaded.status !== 'ready') return <LoadState loaded={loaded} what="clinic's session settings" />;
  const scales = checklistScalesFor(loaded.value.content.preSessionScales, props.correcting?.checklist.scales ?? null);
  // A draft typed under other settings would show other scales: each version keeps its own.
  const required = loaded.value.content.requiredMonitoring?.items ?? [];
  return (
    <ChecklistForm
      {...props}
      draftKey={`${props.draftKey}-settings-v${loaded.value.version}`}
      scales={scales}
      requiredMonitoring={required}
    />
  );
}

function ChecklistForm({
  patient,
  draftKey,
  correcting,
  save,
  onSaved,
  onCancel,
  scales,
  timingFindings,
  requiredMonitoring,
}: ChecklistEditorProps & { scales: ChecklistScales; requiredMonitoring: readonly MonitoringItem[] }) {
  const { form, frame } = useEntryEditor<ChecklistFormValues, Checklist>({
    draftKey,
    content: checklistFormValues(correcting?.checklist ?? null),
    correctingAt: correcting?.occurredAt ?? null,
    timingReason: correcting?.checklist.timing?.reason ?? '',
    timingFindings,
    build: (values, issues) => checklistFrom(values, issues, scales),
    save,
    onSaved,
  });
  const values = useWatch({ control: form.control, name: 'content' });
  return (
    <EntryEditorFrame
      title={correcting === null ? 'Pre-infusion checklist' : 'Correct the pre-infusion checklist'}
      editor={frame}
      saveLabel={correcting === null ? 'Start the session' : 'Save the correction'}
      onCancel={onCancel}
      focusOnOpen={correcting !== null}
    >
      <ChecklistFields
        prefix={editorPrefix}
        patient={patient}
        register={form.register}
        values={values}
        messages={frame.state.messages}
        scales={scales.shown}
        painRequired={scales.painRequired}
      />
      <MonitoringFieldset
        prefix={editorPrefix}
        register={(item) => form.register(`content.monitoring.${item}`)}
        required={requiredMonitoring}
      />
    </EntryEditorFrame>
  );
}
