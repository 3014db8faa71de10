import type { Patient } from '../../../domain/patient';
import { beforeSignatureFinding } from '../../../domain/session-timing';
import type { SessionEntryView, SessionView } from '../../../domain/session-view';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { AdverseEventEditor } from './AdverseEventEditor';
import { ChecklistEditor } from './ChecklistEditor';
import { DischargeEditor } from './DischargeEditor';
import { EventEditor } from './EventEditor';
import { HandoverEditor } from './HandoverEditor';
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
  const { clinic } = useSignedIn();
  const common = { session, onSaved, onCancel };
  // A corrected checklist is the start again: a time before the plan's signature asks the
  // reason (the server also checks the interval, and asks if need be).
  const beforeSignature = (occurredAt: string) => {
    const finding = beforeSignatureFinding(occurredAt, session.planSignedAt ?? null, clinic.timeZone);
    return finding === null ? [] : [finding];
  };
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
          timingFindings={beforeSignature}
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
    case 'supervision':
      return <HandoverEditor {...common} correcting={entry} />;
  }
}
