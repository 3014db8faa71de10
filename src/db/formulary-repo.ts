import { desc } from 'drizzle-orm';
import { canonicalJson } from '../domain/canonical-json';
import type { Formulary, FormularyContent } from '../domain/formulary';
import { emptyFormulary } from '../domain/formulary';
import type { Drizzle } from './open';
import { formularyVersions } from './schema/formulary';
import { users } from './schema/users';
import { eq } from 'drizzle-orm';

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
  return { ...row, content: JSON.parse(row.content) as FormularyContent };
}

export function formularyVersion(db: Drizzle, version: number): FormularyContent {
  if (version === 0) return emptyFormulary;
  const row = db.select().from(formularyVersions).where(eq(formularyVersions.version, version)).get();
  if (row === undefined) throw new Error(`formulary version ${version} is missing`);
  return JSON.parse(row.content) as FormularyContent;
}

export function insertFormulary(db: Drizzle, content: FormularyContent, userId: number, now: string): number {
  const version = currentFormulary(db).version + 1;
  db.insert(formularyVersions)
    .values({ version, content: canonicalJson(content), createdAt: now, createdBy: userId })
    .run();
  return version;
}
