import { useState } from 'react';
import { Link } from 'react-router';
import type { RecordView } from '../../../domain/record-view';
import { mayCall } from '../../app/permissions';
import { useSignedIn } from '../../app/sign-in-context';
import { AmendDialog } from './AmendDialog';
import { DiscardDraftDialog } from './DiscardDraftDialog';
import { DiscontinueDialog } from './DiscontinueDialog';
import { recordWhat } from './record-words';

type Open = 'amend' | 'discontinue' | 'discard' | null;

/**
 * What may be done with a record, by whom: anyone reading may open its history (and a
 * plan's chairside view); a physician may amend a signed record, discontinue a signed plan,
 * and discard their own draft.
 */
export function RecordActions({
  view,
  patientId,
  onChanged,
  onDiscarded,
  historyLink = true,
}: {
  view: RecordView;
  patientId: number;
  onChanged: (view: RecordView, notice: string) => void;
  onDiscarded: (recordDeleted: boolean) => void;
  historyLink?: boolean;
}) {
  const { user } = useSignedIn();
  const [open, setOpen] = useState<Open>(null);
  const latest = view.versions.at(-1);
  const what = recordWhat[view.type];
  const live = view.discontinued === null && latest?.status === 'signed';
  const canAmend = live && mayCall(user.role, 'records.amend');
  const canDiscontinue = live && view.type === 'plan' && mayCall(user.role, 'records.discontinue');
  const canDiscard =
    latest?.status === 'draft' && latest.authorUserId === user.id && mayCall(user.role, 'records.discardDraft');
  const hasSigned = view.versions.some((version) => version.status === 'signed');
  const base = `/patients/${patientId}/records/${view.id}`;
  return (
    <>
      <div className="record-actions">
        {historyLink && (
          <Link className="button button-secondary" to={`${base}/history`}>
            Version history
          </Link>
        )}
        {view.type === 'plan' && hasSigned && mayCall(user.role, 'chairside.get') && (
          <Link className="button button-secondary" to={`/patients/${patientId}/chairside`}>
            Chairside view
          </Link>
        )}
        {canAmend && (
          <button type="button" className="button button-secondary" onClick={() => setOpen('amend')}>
            Amend {what}
          </button>
        )}
        {canDiscontinue && (
          <button type="button" className="button button-danger-secondary" onClick={() => setOpen('discontinue')}>
            Discontinue plan
          </button>
        )}
        {canDiscard && (
          <button type="button" className="button button-secondary" onClick={() => setOpen('discard')}>
            Discard draft
          </button>
        )}
      </div>
      {open === 'amend' && (
        <AmendDialog
          recordId={view.id}
          what={what}
          onClose={() => setOpen(null)}
          onAmended={(amended) => {
            setOpen(null);
            onChanged(
              amended,
              `Amendment started as version ${amended.versions.at(-1)?.version ?? ''}, a draft. The signed version stays in force until you sign this one.`,
            );
          }}
        />
      )}
      {open === 'discontinue' && (
        <DiscontinueDialog
          recordId={view.id}
          onClose={() => setOpen(null)}
          onDiscontinued={(discontinued) => {
            setOpen(null);
            onChanged(discontinued, 'The plan is discontinued. No infusion may start from it.');
          }}
        />
      )}
      {open === 'discard' && latest !== undefined && (
        <DiscardDraftDialog
          versionId={latest.id}
          amendment={latest.version > 1}
          onClose={() => setOpen(null)}
          onDiscarded={(recordDeleted) => {
            setOpen(null);
            onDiscarded(recordDeleted);
          }}
        />
      )}
    </>
  );
}
