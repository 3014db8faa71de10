import { useWatch } from 'react-hook-form';
import type { SessionEntryBody } from '../../../domain/infusion-session';
import { sedationLevels } from '../../../domain/infusion-session';
import type { SessionEntryView, SessionView } from '../../../domain/session-view';
import { useApi } from '../../app/sign-in-context';
import { RadioGroup } from '../../components/RadioGroup';
import { TextArea } from '../../components/TextArea';
import { fieldId } from '../../lib/focus-field';
import { Cadss6Fieldset } from './Cadss6Fieldset';
import { EntryEditorFrame, editorPrefix } from './EntryEditorFrame';
import type { ObservationFormValues } from './observation-form';
import { observationFormValues, observationFrom } from './observation-form';
import { nauseaLabels } from '../../../domain/observation-text';
import { PainField } from './PainField';
import { saveEntry } from './save-entry';
import { useEntryEditor } from './use-entry-editor';
import { VitalsFields } from './VitalsFields';

type ObservationEntry = Extract<SessionEntryView, { kind: 'observation' }>;

const sedationOptions = sedationLevels.map((level) => ({
  value: String(level.score),
  label: `${level.score} – ${level.label}`,
}));
const nauseaOptions = Object.entries(nauseaLabels).map(([value, label]) => ({ value, label }));

/** A timed check: vital signs, sedation (MOAA/S), dissociation (CADSS-6), pain, nausea, notes. */
export function ObservationEditor({
  session,
  correcting,
  onSaved,
  onCancel,
}: {
  session: SessionView;
  correcting: ObservationEntry | null;
  onSaved: (view: SessionView) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { form, frame } = useEntryEditor<ObservationFormValues, SessionEntryBody>({
    draftKey: `session-${session.id}-observation-${correcting?.id ?? 'new'}`,
    content: observationFormValues(correcting?.content ?? null),
    correctingAt: correcting?.occurredAt ?? null,
    build: (values, issues) => {
      const content = observationFrom(values, issues);
      return content === null ? null : { kind: 'observation', content };
    },
    save: (request) => saveEntry(api, session.id, correcting?.id ?? null, request),
    onSaved,
  });
  const { register } = form;
  const messages = frame.state.messages;
  const cadss6 = useWatch({ control: form.control, name: 'content.cadss6' });
  return (
    <EntryEditorFrame
      title={correcting === null ? 'Record a check' : 'Correct the check'}
      editor={frame}
      saveLabel={correcting === null ? 'Save the check' : 'Save the correction'}
      onCancel={onCancel}
    >
      <VitalsFields
        prefix={editorPrefix}
        path="content.vitals"
        legend="Vital signs"
        register={(name) => register(`content.vitals.${name}`)}
        messages={messages}
        optional={['respiratoryRatePerMin', 'temperatureC']}
      />
      <RadioGroup
        id={fieldId(editorPrefix, 'content.sedation')}
        legend="Sedation (MOAA/S)"
        hint="Modified Observer's Assessment of Alertness/Sedation: 5 is awake."
        registration={register('content.sedation')}
        options={sedationOptions}
        error={messages.get('content.sedation')}
      />
      <Cadss6Fieldset
        prefix={editorPrefix}
        path="content.cadss6"
        register={(index) => register(`content.cadss6.${index}`)}
        items={cadss6}
      />
      <div className="form-grid">
        <PainField
          id={fieldId(editorPrefix, 'content.painNrs')}
          registration={register('content.painNrs')}
          error={messages.get('content.painNrs')}
        />
        <RadioGroup
          id={fieldId(editorPrefix, 'content.nausea')}
          legend="Nausea"
          registration={register('content.nausea')}
          options={nauseaOptions}
          inline
          error={messages.get('content.nausea')}
        />
      </div>
      <TextArea
        id={fieldId(editorPrefix, 'content.notes')}
        label="Notes"
        optional
        registration={register('content.notes')}
        error={messages.get('content.notes')}
        rows={2}
      />
    </EntryEditorFrame>
  );
}
