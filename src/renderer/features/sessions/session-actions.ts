import type { SignedInUser } from '../../../domain/sign-in';
import { administrationEventTypes } from '../../../domain/infusion-session';
import { effectiveEntries, eventRefusal, pumpState } from '../../../domain/session-state';
import type { SessionView } from '../../../domain/session-view';
import { mayCall } from '../../app/permissions';
import type { Panel } from './panel';
import { isOpen } from './session-label';

export interface SessionAction {
  panel: Panel;
  /** The usual next step now, shown as the main button. */
  main: boolean;
}

/**
 * The buttons the session offers now: only what may be charted in the pump's state (the
 * same rule the server applies), and only what the user's role may do.
 */
export function sessionActions(session: SessionView, user: SignedInUser): SessionAction[] {
  const actions: SessionAction[] = [];
  const state = pumpState(session.entries);
  const standing = effectiveEntries(session.entries);
  const discharged = standing.some((entry) => entry.kind === 'discharge');
  if (mayCall(user.role, 'sessions.addEntry') && isOpen(session)) {
    for (const type of administrationEventTypes) {
      if (eventRefusal(state, type) === null) actions.push({ panel: { kind: 'event', type }, main: type === 'start' });
    }
    actions.push({ panel: { kind: 'observation' }, main: state === 'running' || state === 'paused' });
    actions.push({ panel: { kind: 'adverse-event' }, main: false });
    if (!discharged) actions.push({ panel: { kind: 'supervision' }, main: false });
    if ((state === 'ended' || state === 'stopped') && !discharged)
      actions.push({ panel: { kind: 'discharge' }, main: true });
  }
  const lastEntryId = Math.max(0, ...session.entries.map((entry) => entry.id));
  const covers = (meaning: string) =>
    session.signatures.some((signature) => signature.meaning === meaning && signature.lastEntryId >= lastEntryId);
  if (user.role === 'nurse' && discharged && !covers('performed')) {
    actions.push({ panel: { kind: 'sign', meaning: 'performed' }, main: true });
  }
  const performed = session.signatures.some((signature) => signature.meaning === 'performed');
  if (user.role === 'physician' && discharged && performed && !covers('reviewed')) {
    actions.push({ panel: { kind: 'sign', meaning: 'reviewed' }, main: true });
  }
  return actions;
}
