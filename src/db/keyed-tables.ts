import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { JsonValue } from '../domain/canonical-json';
import { sha256Hex } from './hash';
import { prepared } from './prepared';
import type { KeyedTable } from './keyed-table-spec';
import { named, shownId } from './keyed-table-spec';
import { registerKeyedTables } from './register-keyed-tables';
import { consentKeyedTables } from './consent-keyed-tables';

export const keyedTables = {
  formulary_versions: {
    idColumn: 'version',
    actions: ['formulary.updated'],
    idKey: null,
    shaKey: 'rowSha256',
    columns: ['version', 'content', 'created_at', 'created_by', 'reason'],
    timeColumn: 'created_at',
  },
  session_configuration_versions: {
    idColumn: 'version',
    actions: ['session-configuration.updated'],
    idKey: null,
    shaKey: 'rowSha256',
    columns: ['version', 'content', 'created_at', 'created_by'],
    timeColumn: 'created_at',
  },
  signing_identities: {
    idColumn: 'id',
    actions: [
      'identity.root-created',
      'identity.certificate-issued',
      'identity.certificate-imported',
      // An administrator's sign-in renews expiring certificates for the same key.
      'identity.certificate-renewed',
      // A password change re-wraps the key: the new row digest rides on that entry.
      'auth.password-changed',
    ],
    idKey: 'identityId',
    shaKey: 'identitySha256',
    columns: ['id', 'kind', 'user_id', 'certificate_pem', 'encrypted_private_key', 'source', 'created_at'],
    timeColumn: 'created_at',
    label: (row) => (row.user_id === null ? 'clinic root' : `user ${shownId(row.user_id) ?? '?'}`),
  },
  root_key_wraps: {
    idColumn: 'admin_user_id',
    actions: ['identity.root-created', 'identity.root-key-granted', 'auth.password-changed'],
    idKey: 'wrapAdminUserId',
    shaKey: 'wrapSha256',
    columns: ['admin_user_id', 'encrypted_private_key', 'updated_at'],
    timeColumn: 'updated_at',
  },
  records: {
    idColumn: 'id',
    actions: ['record.created', 'record.draft-discarded'],
    idKey: null,
    shaKey: 'recordSha256',
    columns: ['id', 'type', 'patient_id', 'created_at', 'created_by'],
    timeColumn: 'created_at',
    label: (row) => `${shownId(row.type) ?? '?'}, patient ${shownId(row.patient_id) ?? '?'}`,
  },
  record_versions: {
    idColumn: 'id',
    actions: [
      'record.created',
      'record.draft-saved',
      'record.amendment-started',
      'record.signed',
      'record.draft-discarded',
    ],
    idKey: 'versionId',
    shaKey: 'versionSha256',
    columns: [
      'id',
      'record_id',
      'version',
      'status',
      'content',
      'computed',
      'content_sha256',
      'amends_version_id',
      'amendment_reason',
      'exam_version_id',
      'formulary_version',
      'author_user_id',
      'created_at',
      'updated_at',
      'signed_at',
    ],
    timeColumn: 'updated_at',
    label: named('record', 'record_id'),
  },
  signatures: {
    idColumn: 'id',
    actions: ['record.signed'],
    idKey: 'signatureId',
    shaKey: 'signatureSha256',
    columns: ['id', 'version_id', 'signer_user_id', 'printed_name', 'meaning', 'signed_at', 'content_sha256'],
    timeColumn: 'signed_at',
    label: named('version', 'version_id'),
  },
  record_events: {
    idColumn: 'id',
    actions: ['record.discontinued'],
    idKey: 'eventId',
    shaKey: 'eventSha256',
    columns: ['id', 'record_id', 'kind', 'reason', 'user_id', 'printed_name', 'at'],
    timeColumn: 'at',
    label: named('record', 'record_id'),
  },
  infusion_sessions: {
    idColumn: 'id',
    actions: ['session.started'],
    idKey: null,
    shaKey: 'sessionSha256',
    columns: ['id', 'patient_id', 'plan_record_id', 'plan_version_id', 'series_number', 'created_at', 'created_by'],
    timeColumn: 'created_at',
    label: named('patient', 'patient_id'),
  },
  session_entries: {
    idColumn: 'id',
    actions: ['session.entry-added', 'session.entry-corrected'],
    idKey: 'entryId',
    shaKey: 'entrySha256',
    columns: [
      'id',
      'session_id',
      'kind',
      'occurred_at',
      'recorded_at',
      'user_id',
      'printed_name',
      'content',
      'corrects_entry_id',
      'correction_reason',
      'witness_user_id',
      'witness_printed_name',
    ],
    timeColumn: 'recorded_at',
    label: named('session', 'session_id'),
  },
  session_signatures: {
    idColumn: 'id',
    actions: ['session.signed'],
    idKey: 'signatureId',
    shaKey: 'signatureSha256',
    columns: [
      'id',
      'session_id',
      'signer_user_id',
      'printed_name',
      'meaning',
      'signed_at',
      'last_entry_id',
      'content_sha256',
    ],
    timeColumn: 'signed_at',
    label: named('session', 'session_id'),
  },
  signed_documents: {
    idColumn: 'id',
    actions: ['document.signed-pdf-stored'],
    idKey: 'documentId',
    shaKey: 'documentSha256',
    columns: ['id', 'version_id', 'session_signature_id', 'file_name', 'pdf', 'sha256', 'created_at'],
    timeColumn: 'created_at',
    label: (row) => (typeof row.file_name === 'string' ? row.file_name : null),
  },
  // TLS certificates the clinic root issued for a clinic host: append-only, audited one by one.
  host_certificates: {
    idColumn: 'id',
    actions: ['host.certificate-issued'],
    idKey: null,
    shaKey: 'rowSha256',
    columns: [
      'id',
      'host_names',
      'addresses',
      'certificate_pem',
      'fingerprint_sha256',
      'not_before',
      'not_after',
      'issued_at',
      'issued_by',
    ],
    timeColumn: 'issued_at',
    label: (row) => (typeof row.host_names === 'string' ? `host names ${row.host_names}` : null),
  },
  ...registerKeyedTables,
  ...consentKeyedTables,
} as const satisfies Record<string, KeyedTable>;

export type KeyedTableName = keyof typeof keyedTables;

function digestValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return value.toString();
  // A stored PDF is covered by its SHA-256: hashing its hex would cost twice the bytes.
  if (Buffer.isBuffer(value)) return `sha256:${sha256HexBytes(value)}`;
  throw new TypeError(`a stored row held a ${typeof value}`);
}

export function sha256HexBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const canonicalOrder = new Map<KeyedTableName, { index: number; prefix: string }[]>();

/** The digest columns by name (the canonical JSON's key order), with the text before each value. */
function orderOf(table: KeyedTableName): { index: number; prefix: string }[] {
  let order = canonicalOrder.get(table);
  if (order === undefined) {
    const spec: KeyedTable = keyedTables[table];
    order = spec.columns
      .map((column, index) => ({ column, index }))
      .sort((a, b) => (a.column < b.column ? -1 : a.column > b.column ? 1 : 0))
      .map(({ column, index }, position) => ({
        index,
        prefix: `${position === 0 ? '{' : ','}${JSON.stringify(column)}:`,
      }));
    canonicalOrder.set(table, order);
  }
  return order;
}

/**
 * SHA-256 of the canonical JSON (keys sorted, as canonicalJson writes it) of the table's digest
 * columns, given their values in the order of `columns`. Built as text directly: verification
 * digests every row of tables a million rows long.
 */
export function keyedValuesDigest(table: KeyedTableName, values: readonly unknown[]): string {
  let text = '';
  for (const { index, prefix } of orderOf(table)) text += prefix + JSON.stringify(digestValue(values[index]));
  return sha256Hex(`${text}}`);
}

/** The same digest, of a row read with its columns by name. */
export function keyedRowDigest(table: KeyedTableName, row: Record<string, unknown>): string {
  const spec: KeyedTable = keyedTables[table];
  return keyedValuesDigest(
    table,
    spec.columns.map((column) => row[column]),
  );
}

/**
 * What the audit entry that wrote a row of a keyed table adds to its details: the row id
 * (unless the entry's entity id is it) and the row's digest. Call it inside the transaction
 * that wrote the row, right after the write.
 */
export function keyedRowFields(raw: Database.Database, table: KeyedTableName, id: number): Record<string, JsonValue> {
  const spec: KeyedTable = keyedTables[table];
  const statement = prepared(raw, `keyed-row ${table}`, () =>
    raw.prepare(`SELECT * FROM ${table} WHERE ${spec.idColumn} = ?`),
  );
  const row = statement.get(id) as Record<string, unknown> | undefined;
  if (row === undefined) throw new Error(`${table} row ${id} vanished inside its own transaction`);
  const digest = keyedRowDigest(table, row);
  return spec.idKey === null ? { [spec.shaKey]: digest } : { [spec.idKey]: id, [spec.shaKey]: digest };
}

/** What the audit entry that deletes a row of a keyed table (a discarded draft) adds to its details. */
export function keyedRowDeleted(table: KeyedTableName, id: number): Record<string, JsonValue> {
  const spec: KeyedTable = keyedTables[table];
  return spec.idKey === null ? { [spec.shaKey]: null } : { [spec.idKey]: id, [spec.shaKey]: null };
}
