import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../src/contract/methods';
import { appendAudit } from '../../src/db/audit-log';
import type { SignIn } from '../../src/services/sign-in';
import { patientInput } from '../support/fixtures';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic, signedInUser } from '../support/test-app';

/**
 * The audit log's filters run in SQL (src/db/audit-filter.ts): each page holds exactly the
 * entries a filter over the whole log would keep, newest first, every one once across pages.
 */

let app: TestApp;
let auditor: SignIn;
type Entry = ReturnType<typeof everything>[number];

/** The whole log, unfiltered, through the contract. */
function everything() {
  return app.ok(auditor, 'audit.list', { limit: 500 }).entries;
}

/** Entries at chosen times around the clinic's midnight (New York: UTC−05:00 in March). */
const timed = [
  { at: '2026-03-01T04:59:00.000Z', action: 'test.late', entityId: 'A' }, // 28 Feb, 23:59 local
  { at: '2026-03-01T05:00:00.000Z', action: 'test.early', entityId: 'A' }, // 1 Mar, 00:00 local
  { at: '2026-03-02T04:30:00.000Z', action: 'test.late', entityId: 'B' }, // 1 Mar, 23:30 local
  { at: '2026-03-02T05:30:00.000Z', action: 'test.early', entityId: 'B' }, // 2 Mar, 00:30 local
  // A clock set back: appended later, timed earlier.
  { at: '2026-03-01T12:00:00.000Z', action: 'test.clock', entityId: 'C' }, // 1 Mar, 07:00 local
];

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app, 'America/New_York');
  auditor = signedInUser(app, admin, 'auditor');
  const nurse = signedInUser(app, admin, 'nurse');
  for (let index = 0; index < 8; index += 1) {
    const id = app.ok(nurse, 'patients.create', {
      patient: patientInput({ mrn: `AL-${index}`, familyName: `Family${index}`, dateOfBirth: '1970-01-01' }),
    }).id;
    app.ok(index % 2 === 0 ? nurse : auditor, 'patients.get', { patientId: id });
  }
  app.ledger.raw.transaction(() => {
    for (const entry of timed) {
      appendAudit(app.ledger.raw, { ...entry, actorUserId: null, entityType: 'test', details: {} });
    }
  })();
});
afterAll(() => app.cleanup());

function pagesOf(filter: Omit<MethodInput<'audit.list'>, 'limit' | 'beforeSeq'>, limit: number): Entry[] {
  const seen: Entry[] = [];
  let beforeSeq: number | undefined;
  for (;;) {
    const page = app.ok(auditor, 'audit.list', { ...filter, limit, ...(beforeSeq === undefined ? {} : { beforeSeq }) });
    seen.push(...page.entries);
    const last = page.entries.at(-1);
    if (page.entries.length < limit || last === undefined) return seen;
    beforeSeq = last.seq;
  }
}

describe('audit.list filters', () => {
  it('keeps whole days in the clinic time zone, by when each entry happened', () => {
    const day = (from: string, to: string) =>
      app.ok(auditor, 'audit.list', { from, to, entityType: 'test', limit: 50 }).entries.map((entry) => entry.at);
    expect(day('2026-03-01', '2026-03-01')).toEqual([
      '2026-03-01T12:00:00.000Z',
      '2026-03-02T04:30:00.000Z',
      '2026-03-01T05:00:00.000Z',
    ]);
    expect(day('2026-02-28', '2026-02-28')).toEqual(['2026-03-01T04:59:00.000Z']);
    expect(day('2026-03-02', '2026-03-09')).toEqual(['2026-03-02T05:30:00.000Z']);
    expect(day('2026-02-01', '2026-03-31')).toHaveLength(timed.length);
  });

  it('narrows to an actor, an action, an entity type and an entity ID', () => {
    const all = everything();
    const actor = all.find((entry) => entry.action === 'patient.viewed')?.actorUserId ?? 0;
    const mine = app.ok(auditor, 'audit.list', { actorUserId: actor, action: 'patient.viewed', limit: 50 }).entries;
    expect(mine).toHaveLength(4);
    expect(mine.every((entry) => entry.actorUserId === actor && entry.actorName !== null)).toBe(true);
    const patient = all.find((entry) => entry.action === 'patient.created')?.entityId ?? '';
    const trail = app.ok(auditor, 'audit.list', { entityType: 'patient', entityId: patient, limit: 50 }).entries;
    expect(trail.map((entry) => entry.action)).toEqual(['patient.viewed', 'patient.created']);
    const listed = app.ok(auditor, 'audit.list', { limit: 1 });
    expect(listed.actors?.map((one) => one.userId)).toContain(actor);
  });

  it('pages any filter to exactly what filtering the whole log keeps, each entry once', () => {
    const all = everything();
    const pick = <T>(values: readonly T[]) => fc.option(fc.constantFrom(...values), { nil: undefined });
    const actions = [...new Set(all.map((entry) => entry.action))];
    const types = [...new Set(all.map((entry) => entry.entityType))];
    const ids = [...new Set(all.flatMap((entry) => (entry.entityId === null ? [] : [entry.entityId])))];
    const actors = [...new Set(all.flatMap((entry) => (entry.actorUserId === null ? [] : [entry.actorUserId])))];
    fc.assert(
      fc.property(
        fc.record({ action: pick(actions), entityType: pick(types), entityId: pick(ids), actorUserId: pick(actors) }),
        fc.integer({ min: 1, max: 12 }),
        (chosen, limit) => {
          const filter = Object.fromEntries(Object.entries(chosen).filter(([, value]) => value !== undefined));
          const expected = all.filter(
            (entry) =>
              (chosen.action === undefined || entry.action === chosen.action) &&
              (chosen.entityType === undefined || entry.entityType === chosen.entityType) &&
              (chosen.entityId === undefined || entry.entityId === chosen.entityId) &&
              (chosen.actorUserId === undefined || entry.actorUserId === chosen.actorUserId),
          );
          expect(pagesOf(filter, limit).map((entry) => entry.seq)).toEqual(expected.map((entry) => entry.seq));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a range that ends before it starts, a date that is not one and an empty action', () => {
    const backwards = app.call(auditor, 'audit.list', { from: '2026-03-02', to: '2026-03-01' });
    expect(backwards.ok === false && backwards.error.issues?.[0]?.path).toBe('to');
    for (const input of [{ from: '2026-02-30' }, { action: '  ' }, { entityId: 'x'.repeat(65) }]) {
      const refused = app.call(auditor, 'audit.list', input);
      expect(refused.ok === false && refused.error.code).toBe('INVALID_INPUT');
    }
  });
});
