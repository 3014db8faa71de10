import { describe, expect, it } from 'vitest';
import { currentSessionConfiguration, insertSessionConfiguration } from '../../src/db/session-configuration-repo';
import { canonicalJson } from '../../src/domain/canonical-json';
import type { SessionConfigurationContent } from '../../src/domain/session-configuration';
import { starterSessionConfiguration } from '../../src/domain/session-configuration';
import { expectFrozen, ledgerPerTest, minutesAfter, seedUser, t0 } from '../support/repo-ledger';

const fewerScales: SessionConfigurationContent = {
  ...starterSessionConfiguration,
  preSessionScales: { painNrs: true, phq9: false, gad7: false, pcl5: false },
};
const oneCriterion: SessionConfigurationContent = {
  preSessionScales: fewerScales.preSessionScales,
  dischargeCriteria: [{ itemId: 'alert', label: 'Alert and oriented', retired: false }],
};

describe('session configuration repository', () => {
  const ledger = ledgerPerTest();

  it('has version 0, the starter configuration, before the clinic saves one', () => {
    expect(currentSessionConfiguration(ledger().db)).toEqual({
      version: 0,
      content: starterSessionConfiguration,
      createdAt: null,
      createdBy: null,
    });
  });

  it('numbers saved versions 1, 2, … and reads the newest as the one in force, with its author', () => {
    const { db } = ledger();
    const admin = seedUser(ledger(), { username: 'admin', displayName: 'Alex Admin', role: 'admin' });
    // Read first: the prepared statement is cached per connection and must see later versions.
    expect(currentSessionConfiguration(db).version).toBe(0);
    expect(insertSessionConfiguration(db, fewerScales, admin.id, t0)).toBe(1);
    expect(currentSessionConfiguration(db)).toEqual({
      version: 1,
      content: fewerScales,
      createdAt: t0,
      createdBy: 'Alex Admin',
    });
    expect(insertSessionConfiguration(db, oneCriterion, admin.id, minutesAfter(3))).toBe(2);
    expect(currentSessionConfiguration(db)).toEqual({
      version: 2,
      content: oneCriterion,
      createdAt: minutesAfter(3),
      createdBy: 'Alex Admin',
    });
  });

  it('stores the content as canonical JSON, one row per version', () => {
    const { db, raw } = ledger();
    const admin = seedUser(ledger());
    insertSessionConfiguration(db, fewerScales, admin.id, t0);
    insertSessionConfiguration(db, oneCriterion, admin.id, t0);
    expect(raw.prepare('SELECT version, content FROM session_configuration_versions ORDER BY version').all()).toEqual([
      { version: 1, content: canonicalJson(fewerScales) },
      { version: 2, content: canonicalJson(oneCriterion) },
    ]);
  });

  it('refuses a version by a user who does not exist', () => {
    const { db } = ledger();
    expect(() => insertSessionConfiguration(db, fewerScales, 99, t0)).toThrow(/FOREIGN KEY constraint failed/);
    expect(currentSessionConfiguration(db).version).toBe(0);
  });

  it('refuses to change or delete a saved version (the database triggers)', () => {
    const { db, raw } = ledger();
    const admin = seedUser(ledger());
    insertSessionConfiguration(db, fewerScales, admin.id, t0);
    insertSessionConfiguration(db, oneCriterion, admin.id, t0);
    expectFrozen(raw, 'session_configuration_versions', {
      set: "content = '{}'",
      where: 'version = 2',
      updateMessage: /session configuration versions cannot be changed: save a new version/,
      deleteMessage: /session configuration versions cannot be deleted/,
    });
    expect(currentSessionConfiguration(db).content).toEqual(oneCriterion);
  });
});
