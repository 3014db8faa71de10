import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignIn } from '../../src/services/sign-in';
import { patientInput } from '../support/fixtures';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic, signedInUser } from '../support/test-app';

/**
 * The patient search a page at a time ("Show more"): the pages of a query, read one after the
 * other, hold the same patients as one long read, each once, ties (same names) included.
 */
let app: TestApp;
let nurse: SignIn;

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app, 'UTC');
  nurse = signedInUser(app, admin, 'nurse');
  const families = ['Garcia', 'García', 'Garcés', 'Okafor', 'Nguyen'];
  for (let index = 0; index < 40; index += 1) {
    app.ok(nurse, 'patients.create', {
      patient: patientInput({
        mrn: `PG-${String(index).padStart(3, '0')}`,
        familyName: families[index % families.length] ?? 'Garcia',
        // Many share a whole name: only the ID orders them.
        givenNames: index % 3 === 0 ? 'Ana' : `Ana ${index % 4}`,
        dateOfBirth: index % 2 === 0 ? '1960-02-02' : '1971-03-03',
      }),
    });
  }
});
afterAll(() => app.cleanup());

function pages(query: string, limit: number): { ids: number[]; count: number } {
  const ids: number[] = [];
  let count = 0;
  for (;;) {
    const page = app.ok(nurse, 'patients.search', { query, limit, offset: ids.length });
    count += 1;
    ids.push(...page.patients.map((patient) => patient.id));
    if (!page.more) return { ids, count };
    expect(page.patients).toHaveLength(limit);
  }
}

describe('patients.search pages', () => {
  it('pages every query to what one long read finds, each patient once', () => {
    const queries = ['', 'garc', 'ana', 'PG-0', '1960-02-02', '02-Feb-1960', 'okafor ana'];
    fc.assert(
      fc.property(fc.constantFrom(...queries), fc.integer({ min: 1, max: 17 }), (query, limit) => {
        const whole = app.ok(nurse, 'patients.search', { query, limit: 100 });
        expect(whole.more).toBe(false);
        const { ids, count } = pages(query, limit);
        expect(ids).toEqual(whole.patients.map((patient) => patient.id));
        expect(new Set(ids).size).toBe(ids.length);
        expect(count).toBe(Math.max(1, Math.ceil(ids.length / limit)));
      }),
      { numRuns: 40 },
    );
  });

  it('says when more match than a page holds, and nothing past the end', () => {
    const first = app.ok(nurse, 'patients.search', { query: '', limit: 10 });
    expect(first.patients).toHaveLength(10);
    expect(first.more).toBe(true);
    expect(app.ok(nurse, 'patients.search', { query: '', limit: 10, offset: 40 })).toEqual({
      patients: [],
      more: false,
    });
    const refused = app.call(nurse, 'patients.search', { query: '', offset: -1 });
    expect(refused.ok === false && refused.error.code).toBe('INVALID_INPUT');
  });
});
