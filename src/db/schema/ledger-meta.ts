import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Facts about the file itself (not about any record), one key a row. Holds what used to live in
 * `PRAGMA user_version` (the search-key folding version, key `search_key_version`), so that
 * user_version can say which schema wrote the file and an older app can refuse a newer file.
 * Maintenance data: not audited, like the derived search keys it describes.
 */
export const ledgerMeta = sqliteTable('ledger_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
