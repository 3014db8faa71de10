import { useCallback, useState } from 'react';
import type { CallError } from '../../../contract/errors';
import type { SessionListItem, SessionPage } from '../../../domain/session-list-item';
import { useApi } from '../../app/sign-in-context';
import type { Loaded } from '../../app/use-call';
import { useCall } from '../../app/use-call';

/** Sessions per page on the chart: a screen's worth; "Show older sessions" reads the next. */
export const sessionPageSize = 20;

export interface SessionPages {
  /** The newest page, read again on every ledger change (clinic mode), with the open session and counts. */
  first: Loaded<SessionPage>;
  /** The newest page then every older page read so far, newest first, each session once. */
  sessions: SessionListItem[];
  /** Whether an older page exists. */
  more: boolean;
  busy: boolean;
  error: CallError | null;
  showOlder: () => void;
}

interface Older {
  /** The patient they were read for: another patient's chart starts from its first page. */
  patientId: number;
  sessions: SessionListItem[];
  before: number | null;
  error: CallError | null;
}

/** A patient's sessions a page at a time (`sessions.page`): the first page live, older pages on demand. */
export function useSessionPages(patientId: number): SessionPages {
  const api = useApi();
  const first = useCall('sessions.page', { patientId, limit: sessionPageSize }, { live: true });
  const [read, setOlder] = useState<Older | null>(null);
  const [busy, setBusy] = useState(false);
  const older = read?.patientId === patientId ? read : null;
  const page = first.loaded.status === 'ready' ? first.loaded.value : null;
  const before = older === null ? (page?.olderBefore ?? null) : older.before;
  const showOlder = useCallback(() => {
    if (before === null) return;
    setBusy(true);
    void api.call('sessions.page', { patientId, beforeSessionId: before, limit: sessionPageSize }).then((result) => {
      setBusy(false);
      setOlder((previous) => {
        const kept = previous?.patientId === patientId ? previous : null;
        if (!result.ok) return { patientId, sessions: kept?.sessions ?? [], before, error: result.error };
        return {
          patientId,
          sessions: [...(kept?.sessions ?? []), ...result.value.sessions],
          before: result.value.olderBefore,
          error: null,
        };
      });
    });
  }, [api, patientId, before]);
  const seen = new Set<number>();
  const sessions = [...(page?.sessions ?? []), ...(older?.sessions ?? [])].filter((session) => {
    if (seen.has(session.id)) return false;
    seen.add(session.id);
    return true;
  });
  return { first: first.loaded, sessions, more: before !== null, busy, error: older?.error ?? null, showOlder };
}
