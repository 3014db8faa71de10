import { asc, desc, eq } from 'drizzle-orm';
import { canonicalJson } from '../domain/canonical-json';
import type { Formulary, FormularyContent } from '../domain/formulary';
import { emptyFormulary, formularyContentSchema } from '../domain/formulary';
import type { Drizzle } from './open';
import { formularyVersions } from './schema/formulary';
import { users } from './schema/users';

/**
 * Stored content read through the schema, so a version saved before a bound existed reads
 * that bound as "not set". The stored bytes are never rewritten.
 */
function storedContent(json: string): FormularyContent {
  return formularyContentSchema.parse(JSON.parse(json));
}

/** The version in force: the newest, or version 0 (no drugs, starter checklist) before any. */
export function currentFormulary(db: Drizzle): Formulary {
  const row = db
    .select({
      version: formularyVersions.version,
      content: formularyVersions.content,
      createdAt: formularyVersions.createdAt,
      createdBy: users.displayName,
    })
    .from(formularyVersions)
    .leftJoin(users, eq(users.id, formularyVersions.createdBy))
    .orderBy(desc(formularyVersions.version))
    .limit(1)
    .get();
  if (row === undefined) return { version: 0, content: emptyFormulary, createdAt: null, createdBy: null };
  return { ...row, content: storedContent(row.content) };
}

export function formularyVersion(db: Drizzle, version: number): FormularyContent {
  if (version === 0) return emptyFormulary;
  const row = db.select().from(formularyVersions).where(eq(formularyVersions.version, version)).get();
  if (row === undefined) throw new Error(`formulary version ${version} is missing`);
  return storedContent(row.content);
}

export interface StoredFormularyVersion {
  version: number;
  content: FormularyContent;
  createdAt: string;
  /** The author's display name. */
  createdBy: string | null;
  /** Null in versions saved before a reason was asked for. */
  reason: string | null;
}

/** Every saved version, oldest first, with its author and reason. */
export function listFormularyVersions(db: Drizzle): StoredFormularyVersion[] {
  return db
    .select({
      version: formularyVersions.version,
      content: formularyVersions.content,
      createdAt: formularyVersions.createdAt,
      createdBy: users.displayName,
      reason: formularyVersions.reason,
    })
    .from(formularyVersions)
    .leftJoin(users, eq(users.id, formularyVersions.createdBy))
    .orderBy(asc(formularyVersions.version))
    .all()
    .map((row) => ({ ...row, content: storedContent(row.content) }));
}

export function insertFormulary(
  db: Drizzle,
  content: FormularyContent,
  userId: number,
  now: string,
  reason: string,
): number {
  const version = currentFormulary(db).version + 1;
  db.insert(formularyVersions)
    .values({ version, content: canonicalJson(content), createdAt: now, createdBy: userId, reason })
    .run();
  return version;
}
