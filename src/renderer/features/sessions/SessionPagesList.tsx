import { Notice } from '../../components/Notice';
import { SessionList } from './SessionList';
import type { SessionPages } from './use-session-pages';

/** The sessions read so far, newest first, how many of how many, and "Show older sessions". */
export function SessionPagesList({
  patientId,
  total,
  pages,
}: {
  patientId: number;
  total: number;
  pages: Pick<SessionPages, 'sessions' | 'more' | 'busy' | 'error' | 'showOlder'>;
}) {
  const shown = pages.sessions.length;
  return (
    <>
      <SessionList patientId={patientId} sessions={pages.sessions} />
      <p className="hint">
        {shown >= total
          ? `All ${total} ${total === 1 ? 'session' : 'sessions'}, newest first.`
          : `The newest ${shown} of ${total} sessions.`}
      </p>
      {pages.error !== null && (
        <Notice tone="error" live="alert" title="Older sessions could not be loaded">
          {pages.error.message}
        </Notice>
      )}
      {pages.more && (
        <div className="actions">
          <button type="button" className="button button-secondary" disabled={pages.busy} onClick={pages.showOlder}>
            {pages.busy ? 'Loading…' : 'Show older sessions'}
          </button>
        </div>
      )}
    </>
  );
}
