import { desc, eq } from 'drizzle-orm';
import { canonicalJson } from '../domain/canonical-json';
import type { SessionConfiguration, SessionConfigurationContent } from '../domain/session-configuration';
import { starterSessionConfiguration } from '../domain/session-configuration';
import type { Drizzle } from './open';
import { prepared } from './prepared';
import { sessionConfigurationVersions } from './schema/session-configuration';
import { users } from './schema/users';

/** The version in force: the newest, or version 0 (the starter configuration) before any. */
export function currentSessionConfiguration(db: Drizzle): SessionConfiguration {
  const row = prepared(db, 'currentSessionConfiguration', () =>
    db
      .select({
        version: sessionConfigurationVersions.version,
        content: sessionConfigurationVersions.content,
        createdAt: sessionConfigurationVersions.createdAt,
        createdBy: users.displayName,
      })
      .from(sessionConfigurationVersions)
      .leftJoin(users, eq(users.id, sessionConfigurationVersions.createdBy))
      .orderBy(desc(sessionConfigurationVersions.version))
      .limit(1)
      .prepare(),
  ).get();
  if (row === undefined) return { version: 0, content: starterSessionConfiguration, createdAt: null, createdBy: null };
  return { ...row, content: JSON.parse(row.content) as SessionConfigurationContent };
}

export function insertSessionConfiguration(
  db: Drizzle,
  content: SessionConfigurationContent,
  userId: number,
  now: string,
): number {
  const version = currentSessionConfiguration(db).version + 1;
  db.insert(sessionConfigurationVersions)
    .values({ version, content: canonicalJson(content), createdAt: now, createdBy: userId })
    .run();
  return version;
}
