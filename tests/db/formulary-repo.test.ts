import { describe, expect, it } from 'vitest';
import {
  currentFormulary,
  formularyVersion,
  insertFormulary,
  listFormularyVersions,
} from '../../src/db/formulary-repo';
import { canonicalJson } from '../../src/domain/canonical-json';
import type { FormularyContent } from '../../src/domain/formulary';
import { emptyFormulary } from '../../src/domain/formulary';
import { emptyRange, noLimits } from '../../src/domain/limits';
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
    expect(insertFormulary(db, first, admin.id, t0, 'Test')).toBe(1);
    expect(currentFormulary(db)).toEqual({ version: 1, content: first, createdAt: t0, createdBy: 'Alex Admin' });
    expect(insertFormulary(db, second, admin.id, minutesAfter(1), 'Test')).toBe(2);
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
    insertFormulary(db, first, admin.id, t0, 'Test');
    insertFormulary(db, second, admin.id, t0, 'Test');
    expect(formularyVersion(db, 1)).toEqual(first);
    expect(formularyVersion(db, 2)).toEqual(second);
    expect(() => formularyVersion(db, 3)).toThrow('formulary version 3 is missing');
  });

  it('stores the content as canonical JSON', () => {
    const { db, raw } = ledger();
    const admin = seedUser(ledger());
    insertFormulary(db, second, admin.id, t0, 'Test');
    expect(raw.prepare('SELECT content FROM formulary_versions WHERE version = 1').get()).toEqual({
      content: canonicalJson(second),
    });
  });

  it('keeps the reason with each version and lists every version, oldest first, with author and reason', () => {
    const { db, raw } = ledger();
    const admin = seedUser(ledger(), { username: 'admin', displayName: 'Alex Admin', role: 'admin' });
    insertFormulary(db, first, admin.id, t0, 'First checklist');
    insertFormulary(db, second, admin.id, minutesAfter(1), 'Escort question added');
    expect(raw.prepare('SELECT version, reason FROM formulary_versions ORDER BY version').all()).toEqual([
      { version: 1, reason: 'First checklist' },
      { version: 2, reason: 'Escort question added' },
    ]);
    expect(listFormularyVersions(db)).toEqual([
      { version: 1, content: first, createdAt: t0, createdBy: 'Alex Admin', reason: 'First checklist' },
      {
        version: 2,
        content: second,
        createdAt: minutesAfter(1),
        createdBy: 'Alex Admin',
        reason: 'Escort question added',
      },
    ]);
  });

  it('reads a version stored before the mg/h and mL/h bounds and reasons existed, leaving its bytes as stored', () => {
    const { db, raw } = ledger();
    const admin = seedUser(ledger());
    const { rateMgPerH, rateMlPerH, ...olderLimits } = noLimits;
    expect([rateMgPerH, rateMlPerH]).toEqual([emptyRange, emptyRange]);
    const older = JSON.stringify({
      drugs: [{ id: 'ketamine', name: 'Ketamine', concentrationsMgPerMl: ['10'], limits: olderLimits }],
      screeningItems: [],
    });
    raw
      .prepare('INSERT INTO formulary_versions (version, content, created_at, created_by) VALUES (1, ?, ?, ?)')
      .run(older, t0, admin.id);
    const limits = formularyVersion(db, 1).drugs[0]?.limits;
    expect(limits?.rateMgPerH).toEqual(emptyRange);
    expect(limits?.rateMlPerH).toEqual(emptyRange);
    expect(currentFormulary(db).content.drugs[0]?.limits).toEqual(noLimits);
    expect(listFormularyVersions(db)[0]?.reason).toBeNull();
    expect(raw.prepare('SELECT content FROM formulary_versions').get()).toEqual({ content: older });
  });

  it('refuses a version by a user who does not exist', () => {
    const { db } = ledger();
    expect(() => insertFormulary(db, first, 99, t0, 'Test')).toThrow(/FOREIGN KEY constraint failed/);
    expect(currentFormulary(db).version).toBe(0);
  });

  it('refuses to change or delete a saved version (the database triggers)', () => {
    const { db, raw } = ledger();
    const admin = seedUser(ledger());
    insertFormulary(db, first, admin.id, t0, 'Test');
    insertFormulary(db, second, admin.id, t0, 'Test');
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
