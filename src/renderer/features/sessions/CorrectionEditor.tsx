import type { Patient } from '../../../domain/patient';
import type { SessionEntryView, SessionView } from '../../../domain/session-view';
import { useApi } from '../../app/sign-in-context';
import { AdverseEventEditor } from './AdverseEventEditor';
import { ChecklistEditor } from './ChecklistEditor';
import { DischargeEditor } from './DischargeEditor';
import { EventEditor } from './EventEditor';
import { ObservationEditor } from './ObservationEditor';
import { saveEntry } from './save-entry';

/** The form an entry was charted with, prefilled with it, to record a correction. */
export function CorrectionEditor({
  session,
  patient,
  entry,
  onSaved,
  onCancel,
}: {
  session: SessionView;
  patient: Patient;
  entry: SessionEntryView;
  onSaved: (view: SessionView) => void;
  onCancel: () => void;
}) {
  const api = useApi();
  const common = { session, onSaved, onCancel };
  switch (entry.kind) {
    case 'checklist':
      return (
        <ChecklistEditor
          patient={patient}
          draftKey={`session-${session.id}-checklist-${entry.id}`}
          correcting={{ checklist: entry.content, occurredAt: entry.occurredAt }}
          save={(request) =>
            saveEntry(api, session.id, entry.id, { ...request, body: { kind: 'checklist', content: request.body } })
          }
          onSaved={onSaved}
          onCancel={onCancel}
        />
      );
    case 'event':
      return <EventEditor {...common} type={entry.content.type} correcting={entry} />;
    case 'observation':
      return <ObservationEditor {...common} correcting={entry} />;
    case 'adverse-event':
      return <AdverseEventEditor {...common} correcting={entry} />;
    case 'discharge':
      return <DischargeEditor {...common} correcting={entry} />;
  }
}
