import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Patient, PatientInput } from '../../src/domain/patient';
import type { SignIn } from '../../src/services/sign-in';
import { patientInput } from '../support/fixtures';
import { auditSince, ledgerState } from '../support/ledger-state';
import { expectRefused, userIdOf } from '../support/raw-call';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic, signedInUser } from '../support/test-app';
import { rowAudit } from '../support/row-audit';

/** Patients seeded for the search tests: [mrn, family, given, preferred, date of birth]. */
const seeded = [
  ['SRCH-001', 'Ruiz', 'Ana María', '', '1945-07-14'],
  ['SRCH-002', 'Ruiz-Gómez', 'Ana', 'Anita', '1950-09-14'],
  ['SRCH-003', 'Smith', 'Ana', '', '1980-01-02'],
  ['SRCH-004', 'Ruiz', 'Bob', '', '1945-07-14'],
  ['SRCH-005', 'Ångström', 'Zoë', '', '2001-02-03'],
  ['SRCH-006', 'Żółć', 'Łukasz', '', '1999-12-31'],
  ['SRCH-007', '王', '小明', '', '1970-05-05'],
  ['SRCH-008', 'الهاشمي', 'عائشة', '', '1988-08-08'],
  ['SRCH-010', 'Zimmermann', 'Ütz', '', '1960-06-06'],
  ['OTHER-1', 'Abbott', 'Clare', '', '1930-03-03'],
] as const;

/** A patient that none of the search queries below should find. */
function unseeded(overrides: Partial<PatientInput>): PatientInput {
  return patientInput({ familyName: 'Unsearched', givenNames: 'Person', dateOfBirth: '1991-01-01', ...overrides });
}

describe('patients', () => {
  let app: TestApp;
  let admin: SignIn;
  let nurse: SignIn;
  let physician: SignIn;
  const ids = new Map<string, number>();

  beforeAll(() => {
    app = createTestApp();
    admin = setUpClinic(app);
    nurse = signedInUser(app, admin, 'nurse');
    physician = signedInUser(app, admin, 'physician');
    for (const [mrn, familyName, givenNames, preferredName, dateOfBirth] of seeded) {
      const created = app.ok(nurse, 'patients.create', {
        patient: patientInput({ mrn, familyName, givenNames, preferredName, dateOfBirth }),
      });
      ids.set(mrn, created.id);
    }
  });
  afterAll(() => app.cleanup());

  /** The MRNs a search finds, in the order given. */
  function search(query: string, limit = 50): string[] {
    return app.ok(nurse, 'patients.search', { query, limit }).patients.map((patient) => patient.mrn);
  }

  function storedRow(id: number): Record<string, unknown> {
    return app.ledger.raw.prepare('SELECT * FROM patients WHERE id = ?').get(id) as Record<string, unknown>;
  }

  describe('create and get', () => {
    it('returns what was saved, normalised, at version 1, and get returns the same', () => {
      const input = unseeded({
        mrn: ' cg-001 ',
        familyName: ' Okafor ',
        allergies: { status: 'recorded', items: [' Latex', 'Penicillin '] },
      });
      const created = app.ok(nurse, 'patients.create', { patient: input });
      expect(created).toMatchObject({
        ...input,
        mrn: 'CG-001',
        familyName: 'Okafor',
        allergies: { status: 'recorded', items: ['Latex', 'Penicillin'] },
        version: 1,
      });
      expect(created.createdAt).toBe(created.updatedAt);
      expect(Date.parse(created.createdAt)).not.toBeNaN();
      expect(app.ok(physician, 'patients.get', { patientId: created.id })).toEqual(created);
    });

    it('stores and returns names in any script exactly', () => {
      for (const [mrn, familyName, givenNames] of seeded) {
        const id = ids.get(mrn) ?? 0;
        const patient = app.ok(nurse, 'patients.get', { patientId: id });
        expect(patient.familyName).toBe(familyName);
        expect(patient.givenNames).toBe(givenNames);
        // Byte for byte in the file too, not just after a round trip through the code.
        expect(storedRow(id)).toMatchObject({ family_name: familyName, given_names: givenNames });
      }
    });

    it('stores decomposed (NFD) input in NFC and returns it in NFC', () => {
      const created = app.ok(nurse, 'patients.create', {
        patient: unseeded({ mrn: 'NFD-1', familyName: 'A\u030Angstro\u0308m', givenNames: 'Zoe\u0308' }),
      });
      expect(created.familyName).toBe('\u00C5ngstr\u00F6m');
      expect(created.givenNames).toBe('Zo\u00EB');
      expect(storedRow(created.id)).toMatchObject({ family_name: '\u00C5ngstr\u00F6m', given_names: 'Zo\u00EB' });
      // And either spelling finds it.
      expect(search('Zoe\u0308')).toContain('NFD-1');
      expect(search('Zo\u00EB')).toContain('NFD-1');
    });

    it('keeps each allergy state and emergency contact as given', () => {
      const cases: Partial<PatientInput>[] = [
        { allergies: { status: 'not-recorded' }, emergencyContact: null },
        { allergies: { status: 'none-known' } },
        { allergies: { status: 'recorded', items: ['Latex', 'Iodinated contrast'] } },
      ];
      cases.forEach((overrides, index) => {
        const created = app.ok(nurse, 'patients.create', {
          patient: unseeded({ mrn: `ALG-${index}`, ...overrides }),
        });
        const fetched = app.ok(nurse, 'patients.get', { patientId: created.id });
        expect(fetched).toMatchObject(overrides);
      });
    });
  });

  describe('search', () => {
    it('finds names regardless of accents and case', () => {
      for (const query of ['zoe', 'ZOË', 'zoë', 'angstrom', 'ÅNGSTRÖM', 'Angs']) {
        expect(search(query), query).toContain('SRCH-005');
      }
      for (const query of ['lukasz', 'ŁUKASZ', 'zolc', 'Żółć', 'ZOLC']) {
        expect(search(query), query).toContain('SRCH-006');
      }
      expect(search('utz')).toEqual(['SRCH-010']);
    });

    it('finds names in scripts without case', () => {
      expect(search('王')).toEqual(['SRCH-007']);
      expect(search('小明')).toEqual(['SRCH-007']);
      expect(search('عائشة')).toEqual(['SRCH-008']);
      expect(search('الهاشمي')).toEqual(['SRCH-008']);
    });

    it('finds by the prefix of any name word, including the preferred name', () => {
      expect(search('ru').sort()).toEqual(['SRCH-001', 'SRCH-002', 'SRCH-004']);
      expect(search('maria')).toEqual(['SRCH-001']);
      expect(search('anita')).toEqual(['SRCH-002']);
      expect(search('gomez')).toEqual(['SRCH-002']);
    });

    it('lists family-name matches A–Z by family name, then given names', () => {
      expect(search('ruiz')).toEqual(['SRCH-001', 'SRCH-004', 'SRCH-002']);
    });

    it('needs every word of a multi-word query, in any order', () => {
      const expected = ['SRCH-001', 'SRCH-002'];
      expect(search('ana ruiz').sort()).toEqual(expected);
      expect(search('Ruiz, Ana').sort()).toEqual(expected);
      expect(search('ANA   RUIZ').sort()).toEqual(expected);
      expect(search('ana maría ruiz')).toEqual(['SRCH-001']);
      expect(search('bob ruiz')).toEqual(['SRCH-004']);
      expect(search('ana zimmermann')).toEqual([]);
    });

    it('finds by MRN prefix, case-insensitively', () => {
      expect(search('srch-00')).toEqual([
        'SRCH-001',
        'SRCH-002',
        'SRCH-003',
        'SRCH-004',
        'SRCH-005',
        'SRCH-006',
        'SRCH-007',
        'SRCH-008',
      ]);
      expect(search('SRCH-010')).toEqual(['SRCH-010']);
      expect(search('other-1')).toEqual(['OTHER-1']);
    });

    it('finds by exact date of birth, as yyyy-mm-dd or dd-Mmm-yyyy', () => {
      for (const query of ['1945-07-14', '14-Jul-1945', '14-jul-1945', ' 14-JUL-1945 ']) {
        expect(search(query), query).toEqual(['SRCH-001', 'SRCH-004']);
      }
      expect(search('14-Sep-1950')).toEqual(['SRCH-002']);
      expect(search('1945-07-15')).toEqual([]);
    });

    it('lists every chart A–Z for an empty query, by folded family name', () => {
      const all = app.ok(nurse, 'patients.search', { query: '', limit: 100 }).patients;
      expect(all.length).toBeGreaterThanOrEqual(seeded.length);
      const seededOrder = all.map((patient) => patient.mrn).filter((mrn) => ids.has(mrn));
      // Ångström files under A, Żółć under Z; scripts without Latin letters sort after Latin.
      expect(seededOrder).toEqual([
        'OTHER-1',
        'SRCH-005',
        'SRCH-001',
        'SRCH-004',
        'SRCH-002',
        'SRCH-003',
        'SRCH-010',
        'SRCH-006',
        'SRCH-008',
        'SRCH-007',
      ]);
      expect(search('   ').length).toBe(Math.min(all.length, 50));
    });

    it('returns summaries only, never more than the limit', () => {
      expect(search('', 3)).toHaveLength(3);
      expect(search('', 3)).toEqual(search('', 100).slice(0, 3));
      expect(search('srch', 2)).toHaveLength(2);
      expect(search('ana', 1)).toHaveLength(1);
      expect(search('1945-07-14', 1)).toHaveLength(1);
      const [summary] = app.ok(nurse, 'patients.search', { query: 'smith', limit: 5 }).patients;
      expect(Object.keys(summary ?? {}).sort()).toEqual([
        'dateOfBirth',
        'familyName',
        'givenNames',
        'id',
        'mrn',
        'preferredName',
        'sex',
      ]);
    });

    it('treats search syntax as plain text', () => {
      for (const query of ['"', '"ruiz', 'ruiz*', 'NEAR(ana ruiz)', 'ana OR bob', 'ruiz AND', '-', '*', "'; DROP"]) {
        const result = app.call(nurse, 'patients.search', { query, limit: 10 });
        expect(result.ok, query).toBe(true);
      }
      expect(search('ana OR bob')).toEqual([]);
      expect(search('"ruiz"').sort()).toEqual(['SRCH-001', 'SRCH-002', 'SRCH-004']);
    });

    it('finds nothing for a name no one has', () => {
      expect(search('xylophone')).toEqual([]);
    });
  });

  describe('search as staff type names', () => {
    beforeAll(() => {
      const typed: [string, string, string][] = [
        ['TYPE-1', 'O’Brien', 'Siobhán'],
        ['TYPE-2', 'Kaʻahumanu', 'ʻIolani'],
        ['TYPE-3', 'Smith-Jones', 'Clare'],
        ['TYPE-4', '김', '민준'],
      ];
      for (const [mrn, familyName, givenNames] of typed) {
        app.ok(nurse, 'patients.create', { patient: unseeded({ mrn, familyName, givenNames }) });
      }
    });

    it('finds O’Brien with the apostrophe dropped, typed either way or spaced, and as a prefix', () => {
      for (const query of ['obrien', "o'brien", 'O’Brien', 'o brien', 'obrien siobhan', 'ob', 'obr']) {
        expect(search(query), query).toEqual(['TYPE-1']);
      }
    });

    it('finds ʻIolani Kaʻahumanu without the ʻokina', () => {
      for (const query of ['iolani', 'kaahumanu', "ka'ahumanu", 'iol', 'kaa']) {
        expect(search(query), query).toEqual(['TYPE-2']);
      }
    });

    it('finds Smith-Jones written together, apart, or by either part', () => {
      for (const query of ['smithjones', 'smith jones', 'smith-jones', 'jones', 'smithj']) {
        expect(search(query), query).toEqual(['TYPE-3']);
      }
    });

    it('finds Chinese and Korean names written without a space between family and given names', () => {
      for (const query of ['王小明', '王小', '王 小明']) {
        expect(search(query), query).toEqual(['SRCH-007']);
      }
      for (const query of ['김민준', '김민', '민준']) {
        expect(search(query), query).toEqual(['TYPE-4']);
      }
    });

    it('keeps the names exactly as entered', () => {
      const [found] = app.ok(nurse, 'patients.search', { query: 'obrien', limit: 5 }).patients;
      expect(found).toMatchObject({ familyName: 'O’Brien', givenNames: 'Siobhán' });
    });
  });

  describe('update', () => {
    function create(mrn: string, overrides: Partial<PatientInput> = {}): Patient {
      return app.ok(nurse, 'patients.create', { patient: unseeded({ mrn, ...overrides }) });
    }

    it('saves a new version and audits only the fields that changed', () => {
      const before = create('UPD-1');
      const head = ledgerState(app.ledger.raw).head.seq;
      const after = app.ok(physician, 'patients.update', {
        patientId: before.id,
        expectedVersion: 1,
        patient: unseeded({
          mrn: 'upd-1',
          phone: '555 0199',
          allergies: { status: 'none-known' },
        }),
      });
      expect(after).toMatchObject({ version: 2, phone: '555 0199', allergies: { status: 'none-known' } });
      expect(after.createdAt).toBe(before.createdAt);
      expect(app.ok(nurse, 'patients.get', { patientId: before.id })).toMatchObject({ version: 2, phone: '555 0199' });
      const [entry] = auditSince(app.ledger.raw, head);
      expect(entry).toMatchObject({
        action: 'patient.updated',
        actorUserId: userIdOf(physician),
        entityId: String(before.id),
      });
      expect(entry?.details).toEqual({
        version: 2,
        changes: {
          phone: { from: '+1 555 0100', to: '555 0199' },
          allergies: { from: { status: 'recorded', items: ['Penicillin'] }, to: { status: 'none-known' } },
        },
        ...rowAudit,
      });
    });

    it('saves nothing and audits nothing when nothing changed', () => {
      const before = create('UPD-2');
      const state = ledgerState(app.ledger.raw);
      const after = app.ok(nurse, 'patients.update', {
        patientId: before.id,
        expectedVersion: 1,
        // Same values, typed differently: the schema's normalisation makes them equal.
        patient: unseeded({ mrn: ' upd-2 ', familyName: ' Unsearched ' }),
      });
      expect(after).toEqual(before);
      expect(ledgerState(app.ledger.raw)).toEqual(state);
    });

    it('keeps search in step with a changed name', () => {
      const before = create('UPD-3', { familyName: 'Oldname', givenNames: 'Pat' });
      expect(search('oldname')).toEqual(['UPD-3']);
      app.ok(nurse, 'patients.update', {
        patientId: before.id,
        expectedVersion: 1,
        patient: unseeded({ mrn: 'UPD-3', familyName: 'Newname', givenNames: 'Pat' }),
      });
      expect(search('oldname')).toEqual([]);
      expect(search('newname')).toEqual(['UPD-3']);
      expect(search('newname pat')).toEqual(['UPD-3']);
    });

    it('refuses a stale version with CONFLICT, so the first save wins', () => {
      const original = create('UPD-4');
      // Both open version 1; the nurse saves first.
      app.ok(nurse, 'patients.update', {
        patientId: original.id,
        expectedVersion: 1,
        patient: unseeded({ mrn: 'UPD-4', phone: 'nurse edit' }),
      });
      const error = expectRefused(
        app,
        physician,
        'patients.update',
        { patientId: original.id, expectedVersion: 1, patient: unseeded({ mrn: 'UPD-4', phone: 'physician edit' }) },
        'CONFLICT',
      );
      expect(error.message).toContain('reload');
      expect(app.ok(physician, 'patients.get', { patientId: original.id })).toMatchObject({
        version: 2,
        phone: 'nurse edit',
      });
      // Reloaded, the physician's edit goes in as version 3.
      expect(
        app.ok(physician, 'patients.update', {
          patientId: original.id,
          expectedVersion: 2,
          patient: unseeded({ mrn: 'UPD-4', phone: 'physician edit' }),
        }).version,
      ).toBe(3);
    });

    it("refuses to take another patient's MRN, and an unknown patient", () => {
      const patient = create('UPD-5');
      const error = expectRefused(
        app,
        nurse,
        'patients.update',
        { patientId: patient.id, expectedVersion: 1, patient: unseeded({ mrn: 'srch-001' }) },
        'DUPLICATE',
      );
      expect(error.issues?.[0]?.path).toBe('patient.mrn');
      expectRefused(
        app,
        nurse,
        'patients.update',
        { patientId: 999_999, expectedVersion: 1, patient: unseeded({ mrn: 'UPD-X' }) },
        'NOT_FOUND',
      );
    });
  });
});
