/** A row of `audit_log` as SQLite hands it back (snake_case columns). */
export interface AuditRow {
  seq: number;
  at: string;
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}
