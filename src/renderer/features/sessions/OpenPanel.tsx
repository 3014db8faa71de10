import type { Patient } from '../../../domain/patient';
import type { SessionView } from '../../../domain/session-view';
import { AdverseEventEditor } from './AdverseEventEditor';
import { CorrectionEditor } from './CorrectionEditor';
import { DischargeEditor } from './DischargeEditor';
import { EventEditor } from './EventEditor';
import { HandoverEditor } from './HandoverEditor';
import { ObservationEditor } from './ObservationEditor';
import type { Panel } from './panel';
import { SignPanel } from './SignPanel';

/** The form the nurse opened: chart an event, a check, an adverse event, the discharge; sign; correct. */
export function OpenPanel({
  panel,
  session,
  patient,
  onSaved,
  onCancel,
}: {
  panel: Panel;
  session: SessionView;
  patient: Patient;
  onSaved: (view: SessionView) => void;
  onCancel: () => void;
}) {
  const common = { session, onSaved, onCancel };
  switch (panel.kind) {
    case 'event':
      return <EventEditor {...common} type={panel.type} correcting={null} />;
    case 'observation':
      return <ObservationEditor {...common} correcting={null} />;
    case 'adverse-event':
      return <AdverseEventEditor {...common} correcting={null} />;
    case 'discharge':
      return <DischargeEditor {...common} correcting={null} />;
    case 'supervision':
      return <HandoverEditor {...common} correcting={null} />;
    case 'sign':
      return <SignPanel session={session} meaning={panel.meaning} onSigned={onSaved} onCancel={onCancel} />;
    case 'correct': {
      const entry = session.entries.find((candidate) => candidate.id === panel.entryId);
      return entry === undefined ? null : <CorrectionEditor {...common} patient={patient} entry={entry} />;
    }
  }
}
