import type { RecordVersionView, RecordView } from '../../../domain/record-view';
import { formatDateTime } from '../../../domain/time';
import { useSignedIn } from '../../app/sign-in-context';
import { MessageText } from '../../components/MessageText';
import { Notice } from '../../components/Notice';
import { VersionPdfButton } from '../documents/StoredPdfButtons';
import { SignatureLines } from './SignatureLines';

/**
 * What a reader must know about the version on screen: who signed it and when, why it
 * amends the one before, whether the plan is discontinued, and whether a draft is open.
 */
export function RecordNotes({
  view,
  version,
  editing = false,
}: {
  view: RecordView;
  version: RecordVersionView;
  /** The author is editing this draft: no need to tell them whose it is. */
  editing?: boolean;
}) {
  const { clinic } = useSignedIn();
  const latest = view.versions.at(-1);
  const openDraft = latest !== undefined && latest.status === 'draft' && latest.id !== version.id ? latest : null;
  return (
    <div className="record-notes">
      {view.discontinued !== null && (
        <Notice tone="error" title="Discontinued">
          <p>
            <MessageText
              text={`Discontinued on ${formatDateTime(view.discontinued.at, clinic.timeZone)} by ${view.discontinued.printedName}. Reason: ${view.discontinued.reason}`}
            />
          </p>
          <p>No infusion may start from this plan.</p>
        </Notice>
      )}
      {version.status === 'draft' && !editing && (
        <Notice tone="info" title="Draft, not signed">
          This draft belongs to <span dir="auto">{version.authorPrintedName}</span>; only they can change or sign it. It
          may still change.
        </Notice>
      )}
      {openDraft !== null && (
        <Notice tone="info" title="Amendment in progress">
          <span dir="auto">{openDraft.authorPrintedName}</span> is writing version {openDraft.version} as a draft. This
          signed version stays in force until that one is signed.
        </Notice>
      )}
      {version.amendmentReason !== null && (
        <p className="amendment-reason">
          <span className="label">Reason for amending version {version.version - 1}</span>{' '}
          <span className="value" dir="auto">
            {version.amendmentReason}
          </span>
        </p>
      )}
      {version.status === 'signed' && (
        <>
          <SignatureLines signatures={version.signatures} />
          <VersionPdfButton versionId={version.id} />
        </>
      )}
    </div>
  );
}
