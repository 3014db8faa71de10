import type { JsonValue } from './canonical-json';
import { canonicalJson } from './canonical-json';
import type { RecordType } from './record';

/** Everything a signature vouches for, for one version of one record. */
export interface VersionDocument {
  recordType: RecordType;
  recordId: number;
  patientId: number;
  versionId: number;
  version: number;
  createdAt: string;
  signedAt: string;
  amendsVersionId: number | null;
  amendmentReason: string | null;
  examVersionId: number | null;
  formularyVersion: number | null;
  authorUserId: number;
  content: JsonValue;
  computed: JsonValue;
}

/**
 * The exact text whose SHA-256 a signature binds. Changing any byte of the stored version
 * (content, what was computed, links, author) changes this text and so breaks the hash.
 */
export function versionDocumentText(document: VersionDocument): string {
  return canonicalJson({ kind: 'dosing-ledger/record-version', schema: 1, ...document });
}
