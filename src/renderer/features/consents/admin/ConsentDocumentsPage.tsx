import { useState } from 'react';
import type { MethodOutput } from '../../../../contract/methods';
import type { ConsentDocumentVersion } from '../../../../contract/consent-methods';
import { useSignedIn } from '../../../app/sign-in-context';
import { useCall } from '../../../app/use-call';
import { LoadState } from '../../../components/LoadState';
import { Notice } from '../../../components/Notice';
import { PageHeading } from '../../../components/PageHeading';
import { ConsentDocumentForm } from './ConsentDocumentForm';
import { ConsentDocumentList } from './ConsentDocumentList';
import { ConsentRuleForm } from './ConsentRuleForm';

type ConsentDocuments = MethodOutput<'consents.documents'>;

/** Which document is being written: a new one (null) or a new version of one. */
export type Editing = { documentId: number | null } | null;

/** The page as drawn from what `consents.documents` answered (also what the tests render). */
export function ConsentDocumentsView({
  data,
  timeZone,
  editing,
  onEdit,
  onSaved,
  onCancel,
  onReload,
}: {
  data: ConsentDocuments;
  timeZone: string;
  editing: Editing;
  onEdit: (editing: Editing) => void;
  onSaved: (saved: ConsentDocumentVersion) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const edited =
    editing?.documentId == null
      ? undefined
      : data.documents.find((entry) => entry.current.documentId === editing.documentId);
  return (
    <>
      {editing !== null && (editing.documentId === null || edited !== undefined) ? (
        <ConsentDocumentForm
          // A newer version loaded after a stale save starts the form again from it.
          key={`${editing.documentId ?? 'new'}-${edited?.current.version ?? 0}`}
          documentId={editing.documentId}
          expectedVersion={edited?.current.version ?? 0}
          start={edited?.current.content ?? data.template}
          onSaved={onSaved}
          onCancel={onCancel}
          onLoadLatest={onReload}
        />
      ) : (
        <>
          <div className="actions">
            <button type="button" className="button button-primary" onClick={() => onEdit({ documentId: null })}>
              Write a new consent document
            </button>
          </div>
          <ConsentDocumentList
            documents={data.documents}
            timeZone={timeZone}
            onEdit={(entry) => onEdit({ documentId: entry.current.documentId })}
          />
        </>
      )}
      <ConsentRuleForm
        settings={data.settings}
        version={data.settingsVersion}
        onSaved={onReload}
        onLoadLatest={onReload}
      />
    </>
  );
}

/** The administrator's consent documents (issue 21): the clinic's own text, versioned, and its rule. */
export function ConsentDocumentsPage() {
  const { loaded, reload } = useCall('consents.documents', {});
  const { clinic } = useSignedIn();
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="page">
      <PageHeading title="Consent documents" />
      <p className="lead">
        The consent text your patients read and sign before a series of infusions, in your clinic&apos;s own words. Each
        save is a new version; a signed consent keeps the exact version the patient read.
      </p>
      <LoadState loaded={loaded} what="consent documents" />
      {saved !== null && (
        <Notice tone="success" live="status">
          {saved}
        </Notice>
      )}
      {loaded.status === 'ready' && (
        <ConsentDocumentsView
          data={loaded.value}
          timeZone={clinic.timeZone}
          editing={editing}
          onEdit={(next) => {
            setSaved(null);
            setEditing(next);
          }}
          onSaved={(version) => {
            setSaved(`Version ${version.version} of “${version.content.title}” is saved and in force.`);
            setEditing(null);
            reload();
          }}
          onCancel={() => setEditing(null)}
          onReload={reload}
        />
      )}
    </div>
  );
}
