/** What adapters need to open a ledger file; they reach the disk only through here. */
export { openLedger, type Ledger, type OpenOptions } from '../db/open';
export { NewerDatabaseError } from '../db/migrate';
export { LedgerFileError, ledgerFileProblem } from '../db/ledger-file';
export { verifyAuditChain, auditHead } from '../db/audit-log';
export { verifyAllSignedVersions } from '../db/records-repo';
export { verifyAllSessionSignatures } from '../db/sessions-repo';
export { verifyTableStates, type TableStatesVerification } from '../db/table-states';
export { verifyCheckpoints, type CheckpointVerification } from '../db/checkpoint-verify';
export { verifyAgainstCopy } from '../db/verify-against-copy';
export { readCopyAnchor, type CopyAnchor } from '../backup/copy-anchor';
export type { AuditVerification } from '../domain/audit';
