import { describe, expect, it } from 'vitest';
import { currentFormulary, formularyVersion, insertFormulary } from '../../src/db/formulary-repo';
import { canonicalJson } from '../../src/domain/canonical-json';
import type { FormularyContent } from '../../src/domain/formulary';
import { emptyFormulary } from '../../src/domain/formulary';
import { expectFrozen, ledgerPerTest, minutesAfter, seedUser, t0 } from '../support/repo-ledger';

const first: FormularyContent = { drugs: [], screeningItems: [{ id: 'pregnant', label: 'Pregnant' }] };
const second: FormularyContent = {
  drugs: [],
  screeningItems: [
    { id: 'pregnant', label: 'Pregnant or possibly pregnant' },
    { id: 'no-escort', label: 'No escort home' },
  ],
};

describe('formulary repository', () => {
  const ledger = ledgerPerTest();

  it('has version 0, the empty starter formulary, before the clinic saves one', () => {
    const { db } = ledger();
    expect(currentFormulary(db)).toEqual({ version: 0, content: emptyFormulary, createdAt: null, createdBy: null });
    expect(formularyVersion(db, 0)).toEqual(emptyFormulary);
  });

  it('numbers saved versions 1, 2, … and reads the newest as the one in force, with its author', () => {
    const { db } = ledger();
    const admin = seedUser(ledger(), { username: 'admin', displayName: 'Alex Admin', role: 'admin' });
    expect(insertFormulary(db, first, admin.id, t0)).toBe(1);
    expect(currentFormulary(db)).toEqual({ version: 1, content: first, createdAt: t0, createdBy: 'Alex Admin' });
    expect(insertFormulary(db, second, admin.id, minutesAfter(1))).toBe(2);
    expect(currentFormulary(db)).toEqual({
      version: 2,
      content: second,
      createdAt: minutesAfter(1),
      createdBy: 'Alex Admin',
    });
  });

  it('reads any saved version by number, and throws for one that does not exist', () => {
    const { db } = ledger();
    const admin = seedUser(ledger());
    insertFormulary(db, first, admin.id, t0);
    insertFormulary(db, second, admin.id, t0);
    expect(formularyVersion(db, 1)).toEqual(first);
    expect(formularyVersion(db, 2)).toEqual(second);
    expect(() => formularyVersion(db, 3)).toThrow('formulary version 3 is missing');
  });

  it('stores the content as canonical JSON', () => {
    const { db, raw } = ledger();
    const admin = seedUser(ledger());
    insertFormulary(db, second, admin.id, t0);
    expect(raw.prepare('SELECT content FROM formulary_versions WHERE version = 1').get()).toEqual({
      content: canonicalJson(second),
    });
  });

  it('refuses a version by a user who does not exist', () => {
    const { db } = ledger();
    expect(() => insertFormulary(db, first, 99, t0)).toThrow(/FOREIGN KEY constraint failed/);
    expect(currentFormulary(db).version).toBe(0);
  });

  it('refuses to change or delete a saved version (the database triggers)', () => {
    const { db, raw } = ledger();
    const admin = seedUser(ledger());
    insertFormulary(db, first, admin.id, t0);
    insertFormulary(db, second, admin.id, t0);
    expectFrozen(raw, 'formulary_versions', {
      set: "content = '{}'",
      where: 'version = 1',
      updateMessage: /formulary versions cannot be changed: save a new version/,
      deleteMessage: /formulary versions cannot be deleted/,
    });
    // Deleting the newest would bring an older version back into force: refused too.
    expect(() => raw.prepare('DELETE FROM formulary_versions').run()).toThrow(/cannot be deleted/);
    expect(currentFormulary(db).version).toBe(2);
  });
});
