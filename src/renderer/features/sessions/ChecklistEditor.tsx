import { useWatch } from 'react-hook-form';
import type { CallResult } from '../../../contract/errors';
import type { Checklist } from '../../../domain/infusion-session';
import type { Patient } from '../../../domain/patient';
import type { SessionView } from '../../../domain/session-view';
import { EntryEditorFrame, editorPrefix } from './EntryEditorFrame';
import type { ChecklistFormValues } from './checklist-form';
import { checklistFormValues, checklistFrom } from './checklist-form';
import { ChecklistFields } from './ChecklistFields';
import type { EntryRequest } from './check-entry';
import { useEntryEditor } from './use-entry-editor';

/**
 * The pre-infusion checklist: filled in to start a session, or prefilled to correct it.
 * `save` starts the session or records the correction.
 */
export function ChecklistEditor({
  patient,
  draftKey,
  correcting,
  save,
  onSaved,
  onCancel,
}: {
  patient: Patient;
  draftKey: string;
  correcting: { checklist: Checklist; occurredAt: string } | null;
  save: (request: EntryRequest<Checklist>) => Promise<CallResult<SessionView>>;
  onSaved: (view: SessionView) => void;
  onCancel: () => void;
}) {
  const { form, frame } = useEntryEditor<ChecklistFormValues, Checklist>({
    draftKey,
    content: checklistFormValues(correcting?.checklist ?? null),
    correctingAt: correcting?.occurredAt ?? null,
    build: checklistFrom,
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
      />
    </EntryEditorFrame>
  );
}
