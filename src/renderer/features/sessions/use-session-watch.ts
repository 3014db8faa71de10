import { useEffect, useRef, useState } from 'react';
import type { SessionView } from '../../../domain/session-view';
import { useApi } from '../../app/session-context';
import { sessionPollMs } from '../../lib/poll-interval';

const lastEntryIdOf = (session: SessionView) => Math.max(0, ...session.entries.map((entry) => entry.id));

/**
 * Asks the server every few seconds (unaudited) whether anyone charted or signed this session
 * since it was loaded, on another device say; if so the screen reloads it, so a nurse never
 * charts against an out-of-date record. Entries are only ever added, so nothing the nurse is
 * typing is replaced. Returns how many entries arrived with the last refresh, for a notice.
 */
export function useSessionWatch(session: SessionView, onNewer: (view: SessionView) => void): number {
  const api = useApi();
  const latest = useRef(session);
  const notify = useRef(onNewer);
  useEffect(() => {
    latest.current = session;
    notify.current = onNewer;
  });
  const [arrived, setArrived] = useState(0);
  const sessionId = session.id;
  useEffect(() => {
    let live = true;
    const timer = window.setInterval(() => {
      void api.call('sessions.status', { sessionId }).then(async (status) => {
        const shown = latest.current;
        if (!live || !status.ok) return;
        if (
          status.value.lastEntryId === lastEntryIdOf(shown) &&
          status.value.signatureCount === shown.signatures.length
        )
          return;
        const fresh = await api.call('sessions.get', { sessionId });
        if (!live || !fresh.ok) return;
        setArrived(fresh.value.entries.length - shown.entries.length);
        notify.current(fresh.value);
      });
    }, sessionPollMs());
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [api, sessionId]);
  return arrived;
}
