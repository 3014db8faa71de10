import { asc, count, eq, sql } from 'drizzle-orm';
import type { Role } from '../domain/roles';
import type { User } from '../domain/user';
import type { Drizzle } from './open';
import { prepared } from './prepared';
import { users } from './schema/users';

export type UserRow = typeof users.$inferSelect;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    credentials: row.credentials,
    role: row.role,
    active: row.active,
    mustChangePassword: row.mustChangePassword,
    lockedUntil: row.lockedUntil,
    createdAt: row.createdAt,
  };
}

export function findUserById(db: Drizzle, id: number): UserRow | undefined {
  return prepared(db, 'findUserById', () =>
    db
      .select()
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
}

export function findUserByUsername(db: Drizzle, username: string): UserRow | undefined {
  return db.select().from(users).where(eq(users.username, username)).get();
}

export function listUsers(db: Drizzle): UserRow[] {
  return db.select().from(users).orderBy(asc(users.role), asc(users.displayName)).all();
}

export function countUsers(db: Drizzle): number {
  return db.select({ total: count() }).from(users).get()?.total ?? 0;
}

export interface NewUser {
  username: string;
  displayName: string;
  credentials: string;
  role: Role;
  passwordHash: string;
  mustChangePassword: boolean;
}

export function insertUser(db: Drizzle, user: NewUser, now: string): UserRow {
  return db
    .insert(users)
    .values({ ...user, active: true, failedSignIns: 0, lockedUntil: null, createdAt: now, updatedAt: now })
    .returning()
    .get();
}

export function updateUser(
  db: Drizzle,
  id: number,
  changes: Partial<Omit<UserRow, 'id' | 'createdAt'>>,
  now: string,
): UserRow {
  const row = db
    .update(users)
    .set({ ...changes, updatedAt: now })
    .where(eq(users.id, id))
    .returning()
    .get();
  if (row === undefined) throw new Error(`user ${id} vanished inside its own transaction`);
  return row;
}
