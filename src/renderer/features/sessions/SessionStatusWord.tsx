import type { SessionStatus } from '../../../domain/session-view';

const looks: Record<SessionStatus, string> = {
  'Not started': 'waiting',
  Running: 'running',
  Paused: 'attention',
  Stopped: 'attention',
  Ended: 'done',
  Discharged: 'done',
  Signed: 'signed',
  'Amended after signing': 'attention',
};

/** A session's state as a written word; the colour only repeats what the word says. */
export function SessionStatusWord({ status, large = false }: { status: SessionStatus; large?: boolean }) {
  const className = `session-status session-status-${looks[status]}${large ? ' session-status-large' : ''}`;
  return <span className={className}>{status}</span>;
}
