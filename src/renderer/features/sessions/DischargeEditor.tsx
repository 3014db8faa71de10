import { useWatch } from 'react-hook-form';
import type { SessionEntryBody } from '../../../domain/infusion-session';
import { starterDischargeCriteria } from '../../../domain/infusion-session';
import { effectiveEntries } from '../../../domain/session-state';
import type { SessionEntryView, SessionView } from '../../../domain/session-view';
import { useApi } from '../../app/session-context';
import { CheckboxField } from '../../components/CheckboxField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { fieldId } from '../../lib/focus-field';
import type { DischargeFormValues } from './discharge-form';
import { dischargeFormValues, dischargeFrom } from './discharge-form';
import { EntryEditorFrame, editorPrefix } from './EntryEditorFrame';
import { saveEntry } from './save-entry';
import { useEntryEditor } from './use-entry-editor';
import { VitalsFields } from './VitalsFields';

type DischargeEntry = Extract<SessionEntryView, { kind: 'discharge' }>;

const id = (path: string) => fieldId(editorPrefix, `content.${path}`);

/** The escort named at the checklist, offered again at discharge. */
function checklistEscort(session: SessionView): string {
  const checklist = effectiveEntries(session.entries).find((entry) => entry.kind === 'checklist');
  return checklist?.kind === 'checklist' ? checklist.content.escortName : '';
}

/** Discharge: the clinic's criteria, vital signs, escort, instructions given, notes. */
export function DischargeEditor({
  session,
  correcting,
  onSaved,
  onCancel,
}: {
  session: SessionView;
  correcting: DischargeEntry | null;
  onSaved: (view: SessionView) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { form, frame } = useEntryEditor<DischargeFormValues, SessionEntryBody>({
    draftKey: `session-${session.id}-discharge-${correcting?.id ?? 'new'}`,
    // The clinic's own list is not configurable yet: every clinic starts from the starter list.
    content: dischargeFormValues(correcting?.content ?? null, starterDischargeCriteria, checklistEscort(session)),
    correctingAt: correcting?.occurredAt ?? null,
    build: (values, issues) => {
      const content = dischargeFrom(values, issues);
      return content === null ? null : { kind: 'discharge', content };
    },
    save: (request) => saveEntry(api, session.id, correcting?.id ?? null, request),
    onSaved,
  });
  const { register } = form;
  const messages = frame.state.messages;
  const criteria = useWatch({ control: form.control, name: 'content.criteria' });
  const met = criteria.filter((item) => item.met).length;
  return (
    <EntryEditorFrame
      title={correcting === null ? 'Record the discharge' : 'Correct the discharge'}
      editor={frame}
      saveLabel={correcting === null ? 'Save the discharge' : 'Save the correction'}
      onCancel={onCancel}
    >
      <fieldset className="session-fieldset" id={id('criteria')}>
        <legend className="form-section-title">Discharge criteria</legend>
        <p className="hint">Tick each criterion the patient meets now.</p>
        {criteria.map((item, index) => (
          <CheckboxField
            key={item.itemId}
            id={id(`criteria.${index}`)}
            label={item.label}
            registration={register(`content.criteria.${index}.met`)}
          />
        ))}
        <p className="session-scale-total" aria-live="polite">
          {met} of {criteria.length} criteria met
        </p>
      </fieldset>
      <VitalsFields
        prefix={editorPrefix}
        path="content.vitals"
        legend="Vital signs at discharge"
        register={(name) => register(`content.vitals.${name}`)}
        messages={messages}
        optional={['temperatureC']}
      />
      <TextField
        id={id('escortName')}
        label="Escort's name"
        hint="The responsible adult who takes the patient home."
        autoComplete="off"
        className="input-long"
        registration={register('content.escortName')}
        error={messages.get('content.escortName')}
      />
      <CheckboxField
        id={id('instructionsGiven')}
        label="Discharge instructions given and understood"
        registration={register('content.instructionsGiven')}
        error={messages.get('content.instructionsGiven')}
      />
      <TextArea
        id={id('notes')}
        label="Notes"
        optional
        registration={register('content.notes')}
        error={messages.get('content.notes')}
        rows={2}
      />
    </EntryEditorFrame>
  );
}
