import { useWatch } from 'react-hook-form';
import type { SessionEntryBody } from '../../../domain/infusion-session';
import type { SessionEntryView, SessionView } from '../../../domain/session-view';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { RadioGroup } from '../../components/RadioGroup';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { fieldId } from '../../lib/focus-field';
import { serverNow } from '../../lib/server-clock';
import type { AdverseEventFormValues } from './adverse-event-form';
import { severityLabels } from '../../../domain/infusion-session';
import { adverseEventFormValues, adverseEventFrom, severities } from './adverse-event-form';
import { EntryEditorFrame, editorPrefix } from './EntryEditorFrame';
import { occurredAtValues } from './occurred-at';
import { OccurredAtFields } from './OccurredAtFields';
import { saveEntry } from './save-entry';
import { useEntryEditor } from './use-entry-editor';

type AdverseEntry = Extract<SessionEntryView, { kind: 'adverse-event' }>;

const id = (path: string) => fieldId(editorPrefix, `content.${path}`);
const severityOptions = severities.map((value) => ({ value, label: severityLabels[value] }));
const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** An adverse event: what, onset, severity, action, rescue medication, outcome, physician notified. */
export function AdverseEventEditor({
  session,
  correcting,
  onSaved,
  onCancel,
}: {
  session: SessionView;
  correcting: AdverseEntry | null;
  onSaved: (view: SessionView) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const { clinic } = useSignedIn();
  const { form, frame } = useEntryEditor<AdverseEventFormValues, SessionEntryBody>({
    draftKey: `session-${session.id}-adverse-${correcting?.id ?? 'new'}`,
    content: adverseEventFormValues(correcting?.content ?? null, clinic.timeZone, serverNow()),
    correctingAt: correcting?.occurredAt ?? null,
    build: (values, issues) => {
      const content = adverseEventFrom(values, clinic.timeZone, serverNow().getTime(), issues);
      return content === null ? null : { kind: 'adverse-event', content };
    },
    save: (request) => saveEntry(api, session.id, correcting?.id ?? null, request),
    onSaved,
  });
  const { register, setValue } = form;
  const messages = frame.state.messages;
  const message = (path: string) => messages.get(`content.${path}`);
  const values = useWatch({ control: form.control, name: 'content' });
  const now = () => occurredAtValues(serverNow(), clinic.timeZone);
  return (
    <EntryEditorFrame
      title={correcting === null ? 'Record an adverse event' : 'Correct the adverse event'}
      editor={frame}
      saveLabel={correcting === null ? 'Save the adverse event' : 'Save the correction'}
      onCancel={onCancel}
    >
      <TextField
        id={id('type')}
        label="What happened"
        hint="For example: nausea and vomiting, raised blood pressure, agitation, low SpO2."
        autoComplete="off"
        className="input-long"
        registration={register('content.type')}
        error={message('type')}
      />
      <OccurredAtFields
        prefix={editorPrefix}
        path="content.onset"
        legend="Onset"
        what="of onset"
        date={register('content.onset.date')}
        time={register('content.onset.time')}
        typedDate={values.onset.date}
        messages={messages}
        onNow={() => setValue('content.onset', now(), { shouldDirty: true })}
      />
      <RadioGroup
        id={id('severity')}
        legend="Severity"
        registration={register('content.severity')}
        options={severityOptions}
        inline
        error={message('severity')}
      />
      <TextArea
        id={id('action')}
        label="Action taken"
        registration={register('content.action')}
        error={message('action')}
        rows={2}
      />
      <TextField
        id={id('rescueMedication')}
        label="Rescue medication given"
        hint="Drug, dose and route, as given. Leave empty if none."
        optional
        autoComplete="off"
        className="input-long"
        registration={register('content.rescueMedication')}
        error={message('rescueMedication')}
      />
      <TextArea
        id={id('outcome')}
        label="Outcome"
        registration={register('content.outcome')}
        error={message('outcome')}
        rows={2}
      />
      <RadioGroup
        id={id('physicianNotified')}
        legend="Physician notified"
        registration={register('content.physicianNotified')}
        options={yesNo}
        inline
        error={message('physicianNotified')}
      />
      {values.physicianNotified === 'yes' && (
        <>
          <TextField
            id={id('physicianName')}
            label="Physician notified (name)"
            autoComplete="off"
            className="input-long"
            registration={register('content.physicianName')}
            error={message('physicianName')}
          />
          <OccurredAtFields
            prefix={editorPrefix}
            path="content.physicianAt"
            legend="When the physician was notified"
            what="notified"
            date={register('content.physicianAt.date')}
            time={register('content.physicianAt.time')}
            typedDate={values.physicianAt.date}
            messages={messages}
            onNow={() => setValue('content.physicianAt', now(), { shouldDirty: true })}
          />
        </>
      )}
    </EntryEditorFrame>
  );
}
