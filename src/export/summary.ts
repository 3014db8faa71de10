import type { ExportSummary, RecordCount } from '../domain/export-summary';
import { consentsOf } from './consent-snapshot';
import type { ExportSnapshot } from './snapshot';

/** The summary of a snapshot: counted in SQL when read a patient at a time, else from what it holds. */
export function exportSummary(snapshot: ExportSnapshot): ExportSummary {
  if (snapshot.patientParts !== undefined) return snapshot.patientParts.summary;
  const ofType = (type: string): RecordCount => {
    const records = snapshot.records.filter((record) => record.type === type);
    return { records: records.length, versions: records.reduce((sum, record) => sum + record.versions.length, 0) };
  };
  const consents = consentsOf(snapshot);
  return {
    exams: ofType('exam'),
    plans: ofType('plan'),
    reviews: ofType('review'),
    signatures: snapshot.records.reduce(
      (sum, record) => sum + record.versions.reduce((inner, version) => inner + version.signatures.length, 0),
      0,
    ),
    sessions: snapshot.sessions.length,
    entries: snapshot.sessions.reduce((sum, session) => sum + session.entries.length, 0),
    sessionSignatures: snapshot.sessions.reduce((sum, session) => sum + session.signatures.length, 0),
    consents: consents.length,
    withdrawnConsents: consents.filter((consent) => consent.withdrawal !== null).length,
  };
}
