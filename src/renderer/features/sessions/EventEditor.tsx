import { useWatch } from 'react-hook-form';
import type { AdministrationEventType, SessionEntryBody } from '../../../domain/infusion-session';
import { administrationEventLabels } from '../../../domain/infusion-session';
import { pumpState } from '../../../domain/session-state';
import type { SessionEntryView, SessionView } from '../../../domain/session-view';
import { useApi } from '../../app/sign-in-context';
import { EntryEditorFrame } from './EntryEditorFrame';
import { eventActions } from './event-labels';
import { EventFields } from './EventFields';
import type { EventFormValues } from './event-form';
import { eventFormValues, eventFrom, wasteTyped } from './event-form';
import { saveEntry } from './save-entry';
import type { SessionDrawInput } from './draw-form';
import { drawsFrom } from './draw-form';
import { useEntryEditor } from './use-entry-editor';

type EventEntry = Extract<SessionEntryView, { kind: 'event' }>;

/** The event, and at a new start the register's containers it was drawn from. */
interface EventRequestBody {
  body: SessionEntryBody;
  draws: SessionDrawInput[];
}

/** Charting an administration event (start, rate change, pause, resume, stop, end), or correcting one. */
export function EventEditor({
  session,
  type,
  correcting,
  onSaved,
  onCancel,
}: {
  session: SessionView;
  type: AdministrationEventType;
  correcting: EventEntry | null;
  onSaved: (view: SessionView) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  // After an early stop its reason says why less went in: the end is not compared again.
  const others = session.entries.filter((entry) => entry.id !== correcting?.id);
  const plannedVolume = pumpState(others) === 'stopped' ? null : (session.plannedVolumeMl ?? null);
  const { form, frame } = useEntryEditor<EventFormValues, EventRequestBody>({
    draftKey: `session-${session.id}-event-${type}-${correcting?.id ?? 'new'}`,
    content: eventFormValues(correcting?.content ?? null),
    correctingAt: correcting?.occurredAt ?? null,
    build: (values, issues) => {
      const draws = correcting === null && type === 'start' ? drawsFrom(values.draws, issues) : [];
      const content = eventFrom(type, values, issues, plannedVolume);
      return content === null ? null : { body: { kind: 'event', content }, draws };
    },
    needsWitness: wasteTyped,
    save: (request) =>
      saveEntry(api, session.id, correcting?.id ?? null, { ...request, body: request.body.body }, request.body.draws),
    onSaved,
  });
  const values = useWatch({ control: form.control, name: 'content' });
  return (
    <EntryEditorFrame
      title={correcting === null ? eventActions[type].title : `Correct the entry “${administrationEventLabels[type]}”`}
      editor={frame}
      witnessNeeded={type === 'end' && wasteTyped(values)}
      saveLabel={correcting === null ? eventActions[type].save : 'Save the correction'}
      onCancel={onCancel}
    >
      <EventFields
        type={type}
        register={(name) => form.register(`content.${name}`)}
        registerDraw={
          correcting === null ? (index, name) => form.register(`content.draws.${index}.${name}`) : undefined
        }
        values={values}
        messages={frame.state.messages}
        plannedRate={session.plannedRateMlPerH}
        plannedVolume={plannedVolume}
      />
    </EntryEditorFrame>
  );
}
