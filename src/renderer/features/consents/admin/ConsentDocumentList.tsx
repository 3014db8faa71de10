import type { ConsentDocumentVersion } from '../../../../contract/consent-methods';
import { formatDateTime } from '../../../../domain/time';
import { Facts } from '../../../components/Facts';
import { consentRuleFacts, ConsentVersionText } from './ConsentVersionText';

export interface ConsentDocumentEntry {
  current: ConsentDocumentVersion;
  /** Every version, the current (highest) first. */
  versions: readonly ConsentDocumentVersion[];
}

function savedFacts(version: ConsentDocumentVersion, timeZone: string) {
  return [
    { label: 'Saved', value: formatDateTime(version.createdAt, timeZone, { offset: true }) },
    { label: 'Saved by', value: version.createdByName, autoDirection: true },
    { label: 'Reason', value: version.reason, autoDirection: true },
  ];
}

/** The clinic's consent documents: each with its version in force, its rules, and every version's text. */
export function ConsentDocumentList({
  documents,
  timeZone,
  onEdit,
}: {
  documents: readonly ConsentDocumentEntry[];
  timeZone: string;
  onEdit: (entry: ConsentDocumentEntry) => void;
}) {
  if (documents.length === 0) {
    return (
      <div className="empty-state">
        <p className="empty-state-title">No consent documents yet</p>
        <p>
          Dosing Ledger ships with no consent text. Until your clinic writes one, no consent can be recorded, and
          infusions that need one cannot start.
        </p>
      </div>
    );
  }
  return (
    <>
      {documents.map((entry) => {
        const { current } = entry;
        const titleId = `consent-document-${current.documentId}-title`;
        return (
          <section key={current.documentId} className="card" aria-labelledby={titleId}>
            <h2 id={titleId} dir="auto">
              {current.content.title}
            </h2>
            <Facts
              columns={3}
              facts={[
                { label: 'Current version', value: `Version ${current.version}` },
                ...savedFacts(current, timeZone),
              ]}
            />
            <Facts columns={2} facts={consentRuleFacts(current.content)} />
            <div className="actions">
              <button type="button" className="button button-secondary" onClick={() => onEdit(entry)}>
                Edit (new version)<span className="visually-hidden">: {current.content.title}</span>
              </button>
            </div>
            <details>
              <summary>
                Version history ({entry.versions.length} {entry.versions.length === 1 ? 'version' : 'versions'})
              </summary>
              <ol className="formulary-history" reversed>
                {entry.versions.map((version) => (
                  <li key={version.id}>
                    <h3>
                      Version {version.version}
                      {version.version === current.version ? ' (current)' : ''}
                    </h3>
                    <Facts columns={3} facts={savedFacts(version, timeZone)} />
                    <Facts columns={2} facts={consentRuleFacts(version.content)} />
                    <ConsentVersionText content={version.content} />
                  </li>
                ))}
              </ol>
            </details>
          </section>
        );
      })}
    </>
  );
}
