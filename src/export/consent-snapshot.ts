/**
 * Recorded consents as the export carries them: plain rows read by the export service in its
 * one transaction, so the FHIR and CSV code stays pure. Instants are UTC ISO text.
 */

/** Where a consent stands at export time (the same words the app shows). */
export type ConsentExportState = 'current' | 'expired' | 'withdrawn' | 'text-changed' | 'other-series';

export interface ConsentWithdrawalRecord {
  /** When the patient withdrew (may be before it was recorded). */
  withdrawnAt: string;
  reason: string;
  recordedByUserId: number;
  recordedByName: string;
  recordedAt: string;
}

export interface ConsentRecord {
  id: number;
  patientId: number;
  /** The series (plan) it was recorded for; null: for no particular series. */
  planRecordId: number | null;
  documentId: number;
  documentVersion: number;
  documentTitle: string;
  /** SHA-256 (hex) of the canonical JSON of the text version the patient read. */
  textSha256: string;
  signerKind: 'patient' | 'representative';
  representativeName: string | null;
  representativeRelationship: string | null;
  typedName: string;
  /** When the patient (or representative) signed. */
  patientSignedAt: string;
  clinicianUserId: number;
  clinicianPrintedName: string;
  witnessUserId: number | null;
  witnessPrintedName: string | null;
  /** When the clinician completed it (meaning "obtained consent"). */
  signedAt: string;
  /** SHA-256 (hex) of everything the consent binds, as the ledger computed it. */
  contentSha256: string;
  /** When it stops being valid by its text's validity; null: until withdrawn or renewed. */
  expiresAt: string | null;
  state: ConsentExportState;
  /** The state in words, as the app shows it: "Current until …", "Expired …", "Withdrawn …". */
  stateText: string;
  withdrawal: ConsentWithdrawalRecord | null;
}

/** The snapshot's consents by id (absent in snapshots made before consents existed: none). */
export function consentsOf(snapshot: { consents?: readonly ConsentRecord[] }): ConsentRecord[] {
  return [...(snapshot.consents ?? [])].sort((left, right) => left.id - right.id);
}
