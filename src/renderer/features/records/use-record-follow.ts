import { useEffect, useRef } from 'react';
import type { RecordView } from '../../../domain/record-view';
import { useSignedIn } from '../../app/sign-in-context';
import { useLedgerChanges } from '../../lib/ledger-changes';

/**
 * What a change of the record is judged by: a draft counts by its being there, not by its
 * content, so another author's autosaves (as they type) do not each cause an audited read.
 */
export function followedState(view: RecordView): string {
  return JSON.stringify({
    ...view,
    versions: view.versions.map((version) =>
      version.status === 'draft' ? { id: version.id, status: version.status } : version,
    ),
  });
}

/**
 * Clinic mode: the patient's record list follows ledger changes (an unaudited read). When a new
 * listed state of the record on screen differs from what is shown (another device signed or
 * amended it, say), the record is read again: an audited read, so at most once per listed
 * state, whatever the comparison says, or reads would announce changes that cause reads.
 * Never while the user's own draft is on screen: a form being typed in is not reloaded.
 * Browser mode and Electron announce no changes, so nothing happens there.
 */
export function useRecordFollow(shown: RecordView | null, listed: RecordView | null, reloadRecord: () => void): void {
  const { user } = useSignedIn();
  const following = useLedgerChanges() > 0;
  const followed = useRef<string | null>(null);
  const latest = useRef({ shown, reloadRecord, userId: user.id });
  useEffect(() => {
    latest.current = { shown, reloadRecord, userId: user.id };
  });
  const listedText = listed === null ? null : followedState(listed);
  useEffect(() => {
    const now = latest.current;
    if (!following || listedText === null || now.shown === null || followed.current === listedText) return;
    const last = now.shown.versions.at(-1);
    if (last?.status === 'draft' && last.authorUserId === now.userId) return;
    if (followedState(now.shown) === listedText) return;
    followed.current = listedText;
    now.reloadRecord();
  }, [following, listedText]);
}
