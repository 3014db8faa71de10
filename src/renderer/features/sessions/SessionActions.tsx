import type { SessionView } from '../../../domain/session-view';
import { useSignedIn } from '../../app/sign-in-context';
import { eventActions } from './event-labels';
import type { Panel } from './panel';
import { sessionActions } from './session-actions';

function buttonLabel(panel: Panel): string {
  switch (panel.kind) {
    case 'event':
      return eventActions[panel.type].button;
    case 'observation':
      return 'Record a check';
    case 'adverse-event':
      return 'Record an adverse event';
    case 'discharge':
      return 'Record the discharge';
    case 'supervision':
      return 'Handover';
    case 'sign':
      return panel.meaning === 'performed' ? 'Sign as performed' : 'Co-sign as reviewed';
    case 'correct':
      return 'Correct';
  }
}

/** The next steps the session allows now, as buttons; the one that opens the form shown is pressed. */
export function SessionActions({
  session,
  open,
  onOpen,
}: {
  session: SessionView;
  open: Panel | null;
  onOpen: (panel: Panel) => void;
}) {
  const { user } = useSignedIn();
  const actions = sessionActions(session, user);
  if (actions.length === 0) return null;
  return (
    <div className="session-actions" role="group" aria-label="Charting actions">
      <ul>
        {actions.map(({ panel, main }) => {
          const label = buttonLabel(panel);
          return (
            <li key={label}>
              <button
                type="button"
                className={main ? 'button button-primary' : 'button button-secondary'}
                aria-expanded={open !== null && buttonLabel(open) === label}
                onClick={() => onOpen(panel)}
              >
                {label}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
