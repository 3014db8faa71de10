import type { ReactNode } from 'react';
import { useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { RecordType } from '../../../domain/record';
import type { RecordView } from '../../../domain/record-view';
import type { WeightFinding } from '../../../domain/weight-check';
import { clearDraft } from '../../lib/drafts';
import { focusField } from '../../lib/focus-field';
import { DiscardDraftDialog } from './DiscardDraftDialog';
import { SaveStatus } from './SaveStatus';
import { SignAction } from './SignAction';
import { SignDialog } from './SignDialog';
import type { DraftEditor } from './use-draft-editor';
import { localCopyKey } from './use-local-copy';

/** Kept in view under a draft: whether it is saved, and the ways out (sign, discard). */
export function DraftBar<V extends FieldValues, C>({
  editor,
  what,
  prefix,
  versionId,
  amendment,
  onSigned,
  onDiscarded,
  weightCheck,
  attestation,
  recordType,
  onLoadLatest,
}: {
  /** What the draft is, for the labels of fields changed on another screen. */
  recordType: RecordType;
  /** Reads the draft as stored now (after a save from another screen was found). */
  onLoadLatest: () => void;
  editor: DraftEditor<V, C>;
  /** "exam" or "infusion plan". */
  what: string;
  /** The form's field-id prefix, for links to fields. */
  prefix: string;
  versionId: number;
  amendment: boolean;
  onSigned: (view: RecordView) => void;
  onDiscarded: (recordDeleted: boolean) => void;
  /** For the signing dialog: what the weight check surfaced and the reason given. */
  weightCheck?: { findings: readonly WeightFinding[]; reason: string };
  /** What the signer attests to (patient, figures, findings), shown in the dialog before the password. */
  attestation?: ReactNode;
}) {
  const [discarding, setDiscarding] = useState(false);
  // Once signed or discarded, this window's copy of the draft has nothing left to keep.
  const done = () => clearDraft(localCopyKey(versionId));
  return (
    <>
      <div className="draft-bar" role="region" aria-label="Draft status and actions">
        <SaveStatus
          state={editor.autosave.state}
          issues={editor.autosave.issues}
          onRetry={() => void editor.autosave.flush()}
          onSelect={(path) => focusField(prefix, path)}
          recordType={recordType}
          onLoadLatest={() => {
            // The user chose the stored draft: this window's copy must not be restored over it.
            done();
            onLoadLatest();
          }}
        />
        <div className="draft-bar-actions">
          <SignAction
            what={what}
            blockers={editor.blockers}
            onSign={() => void editor.startSigning()}
            onSelect={(path) => focusField(prefix, path)}
          />
          <button type="button" className="button button-secondary" onClick={() => setDiscarding(true)}>
            Discard draft
          </button>
        </div>
      </div>
      {editor.signing && (
        <SignDialog
          what={what}
          versionId={versionId}
          onClose={editor.stopSigning}
          onSigned={(view) => {
            done();
            onSigned(view);
          }}
          onNotReady={editor.notReady}
          onStale={(error) => {
            editor.stopSigning();
            editor.autosave.refuse(error);
          }}
          expectedUpdatedAt={editor.autosave.savedAt}
          weightCheck={weightCheck}
          attestation={attestation}
        />
      )}
      {discarding && (
        <DiscardDraftDialog
          versionId={versionId}
          amendment={amendment}
          onClose={() => setDiscarding(false)}
          onDiscarded={(recordDeleted) => {
            done();
            onDiscarded(recordDeleted);
          }}
        />
      )}
    </>
  );
}
