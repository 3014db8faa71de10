import type { SessionView } from '../../../domain/session-view';

/** "Infusion 2 of 6": where this session sits in the plan's series. */
export function sessionLabel(session: Pick<SessionView, 'seriesNumber' | 'seriesTotal'>): string {
  return session.seriesTotal === null
    ? `Infusion ${session.seriesNumber}`
    : `Infusion ${session.seriesNumber} of ${session.seriesTotal}`;
}

/** Sessions that are still being charted: a patient has at most one. */
export function isOpen(session: Pick<SessionView, 'status'>): boolean {
  return session.status !== 'Discharged' && session.status !== 'Signed' && session.status !== 'Amended after signing';
}
