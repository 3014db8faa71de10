import { describe, expect, it } from 'vitest';
import { countUsers, findUserById, findUserByUsername, listUsers, toUser, updateUser } from '../../src/db/users-repo';
import { ledgerPerTest, minutesAfter, seedUser, t0 } from '../support/repo-ledger';

describe('users repository', () => {
  const ledger = ledgerPerTest();

  it('inserts an active user with no failed sign-ins and reads it back by id and username', () => {
    const { db } = ledger();
    expect(countUsers(db)).toBe(0);
    const row = seedUser(ledger(), { username: 'ana', displayName: 'Ana Ruiz', mustChangePassword: true });
    expect(row).toEqual({
      id: row.id,
      username: 'ana',
      displayName: 'Ana Ruiz',
      credentials: 'MD',
      role: 'physician',
      passwordHash: 'scrypt$test$not-a-real-hash',
      mustChangePassword: true,
      active: true,
      failedSignIns: 0,
      lockedUntil: null,
      createdAt: t0,
      updatedAt: t0,
    });
    expect(findUserById(db, row.id)).toEqual(row);
    expect(findUserByUsername(db, 'ana')).toEqual(row);
    expect(countUsers(db)).toBe(1);
  });

  it('answers undefined for an unknown id or username', () => {
    const { db } = ledger();
    // Asked before any user exists, then after: the cached prepared statement must see new rows.
    expect(findUserById(db, 1)).toBeUndefined();
    const row = seedUser(ledger());
    expect(findUserById(db, row.id)).toEqual(row);
    expect(findUserById(db, row.id + 1)).toBeUndefined();
    expect(findUserByUsername(db, 'nobody')).toBeUndefined();
    // Usernames are matched exactly: folding them is the sign-in service's business.
    expect(findUserByUsername(db, 'PHYSICIAN')).toBeUndefined();
  });

  it('refuses a second user with the same username', () => {
    seedUser(ledger(), { username: 'sam' });
    expect(() => seedUser(ledger(), { username: 'sam', displayName: 'Another Sam' })).toThrow(
      /UNIQUE constraint failed: users.username/,
    );
    expect(countUsers(ledger().db)).toBe(1);
  });

  it('lists users by role, then by display name', () => {
    const seeded = [
      { username: 'n2', displayName: 'Zoe Nurse', role: 'nurse' },
      { username: 'p1', displayName: 'Bea Doctor', role: 'physician' },
      { username: 'a1', displayName: 'Alex Admin', role: 'admin' },
      { username: 'n1', displayName: 'Ann Nurse', role: 'nurse' },
      { username: 'x1', displayName: 'Ida Auditor', role: 'auditor' },
    ] as const;
    for (const user of seeded) seedUser(ledger(), user);
    expect(listUsers(ledger().db).map((row) => row.username)).toEqual(['a1', 'x1', 'n1', 'n2', 'p1']);
  });

  it('updates the given fields and the update time, keeping the rest', () => {
    const { db } = ledger();
    const row = seedUser(ledger());
    const later = minutesAfter(5);
    const updated = updateUser(db, row.id, { failedSignIns: 3, lockedUntil: minutesAfter(20), active: false }, later);
    expect(updated).toEqual({
      ...row,
      failedSignIns: 3,
      lockedUntil: minutesAfter(20),
      active: false,
      updatedAt: later,
    });
    expect(findUserById(db, row.id)).toEqual(updated);
  });

  it('throws when the user to update does not exist', () => {
    expect(() => updateUser(ledger().db, 42, { active: false }, t0)).toThrow('user 42 vanished');
  });

  it('maps a row to the user the back end returns, without the password hash or sign-in counters', () => {
    const row = seedUser(ledger(), { role: 'nurse', credentials: 'RN' });
    expect(toUser(row)).toEqual({
      id: row.id,
      username: 'physician',
      displayName: 'Pat Physician',
      credentials: 'RN',
      role: 'nurse',
      active: true,
      mustChangePassword: false,
      lockedUntil: null,
      createdAt: t0,
    });
  });
});
