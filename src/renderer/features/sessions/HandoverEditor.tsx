import type { SessionEntryBody } from '../../../domain/infusion-session';
import { supervisionAvailabilities, supervisionAvailabilityLabels } from '../../../domain/session-supervision';
import type { SessionEntryView, SessionView } from '../../../domain/session-view';
import { useApi } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { fieldId } from '../../lib/focus-field';
import { EntryEditorFrame, editorPrefix } from './EntryEditorFrame';
import type { HandoverFormValues } from './handover-form';
import { handoverFormValues, handoverFrom } from './handover-form';
import { saveEntry } from './save-entry';
import { useEntryEditor } from './use-entry-editor';

type HandoverEntry = Extract<SessionEntryView, { kind: 'supervision' }>;

interface Props {
  session: SessionView;
  correcting: HandoverEntry | null;
  onSaved: (view: SessionView) => void;
  onCancel: () => void;
}

const availabilityOptions = supervisionAvailabilities.map((value) => ({
  value,
  label: supervisionAvailabilityLabels[value],
}));

/** Another physician takes over the supervision, from the time charted. */
export function HandoverEditor(props: Props) {
  const { loaded } = useCall('sessions.physicians', {});
  if (loaded.status !== 'ready') return <LoadState loaded={loaded} what="clinic's physicians" />;
  return <HandoverForm {...props} physicians={loaded.value.physicians} />;
}

function HandoverForm({
  session,
  correcting,
  onSaved,
  onCancel,
  physicians,
}: Props & { physicians: readonly { userId: number; printedName: string }[] }) {
  const api = useApi();
  const { form, frame } = useEntryEditor<HandoverFormValues, SessionEntryBody>({
    draftKey: `session-${session.id}-supervision-${correcting?.id ?? 'new'}`,
    content: handoverFormValues(correcting?.content ?? null),
    correctingAt: correcting?.occurredAt ?? null,
    build: (values, issues) => {
      const content = handoverFrom(values, issues);
      return content === null ? null : { kind: 'supervision', content };
    },
    save: (request) => saveEntry(api, session.id, correcting?.id ?? null, request),
    onSaved,
  });
  const { register } = form;
  const messages = frame.state.messages;
  return (
    <EntryEditorFrame
      title={correcting === null ? 'Hand over supervision' : 'Correct the handover'}
      editor={frame}
      saveLabel={correcting === null ? 'Save the handover' : 'Save the correction'}
      onCancel={onCancel}
    >
      <SelectField
        id={fieldId(editorPrefix, 'content.physicianUserId')}
        label="Physician taking over"
        hint="On site or immediately available from the time above."
        registration={register('content.physicianUserId')}
        error={messages.get('content.physicianUserId')}
      >
        <option value="">Choose the physician</option>
        {physicians.map((physician) => (
          <option key={physician.userId} value={String(physician.userId)}>
            {physician.printedName}
          </option>
        ))}
      </SelectField>
      <RadioGroup
        id={fieldId(editorPrefix, 'content.availability')}
        legend="The physician is"
        registration={register('content.availability')}
        options={availabilityOptions}
        inline
        error={messages.get('content.availability')}
      />
      <TextArea
        id={fieldId(editorPrefix, 'content.note')}
        label="Note"
        optional
        registration={register('content.note')}
        error={messages.get('content.note')}
        rows={2}
      />
    </EntryEditorFrame>
  );
}
