import { useEffect, useRef, useState } from 'react';
import type { SessionView } from '../../../domain/session-view';
import { lastEntryIdOf } from '../../../domain/session-view';
import { useApi } from '../../app/sign-in-context';
import { signInPollMs } from '../../lib/poll-interval';

/**
 * Asks the server every few seconds (unaudited, and not counted as use, so the screen still
 * locks) whether anyone charted or signed this session since it was loaded, on another device
 * say; the answer then carries the session as it is now, so a nurse never charts against an
 * out-of-date record. Entries are only ever added, so nothing the nurse is
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
      const shown = latest.current;
      void api
        .call('sessions.status', {
          sessionId,
          lastEntryId: lastEntryIdOf(shown),
          signatureCount: shown.signatures.length,
        })
        .then((status) => {
          if (!live || !status.ok || status.value.session === null) return;
          setArrived(status.value.session.entries.length - shown.entries.length);
          notify.current(status.value.session);
        });
    }, signInPollMs());
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [api, sessionId]);
  return arrived;
}
