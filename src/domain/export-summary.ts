/** Records of one type in an export and their versions. */
export interface RecordCount {
  records: number;
  versions: number;
}

/** What an auditor export's README counts of the records, sessions and consents it holds. */
export interface ExportSummary {
  exams: RecordCount;
  plans: RecordCount;
  reviews: RecordCount;
  signatures: number;
  sessions: number;
  /** Charted entries, corrected ones included. */
  entries: number;
  sessionSignatures: number;
  consents: number;
  withdrawnConsents: number;
}
