import { describe, expect, it } from 'vitest';
import {
  findPatientIdByMrn,
  getPatient,
  listAllPatients,
  searchPatients,
  updatePatient,
} from '../../src/db/patients-repo';
import { patientInputSchema } from '../../src/domain/patient';
import { patientInput } from '../support/fixtures';
import { ledgerPerTest, minutesAfter, seedPatient, t0 } from '../support/repo-ledger';

function search(
  db: Parameters<typeof searchPatients>[0],
  terms: string,
  limit = 20,
  dateOfBirth: string | null = null,
) {
  return searchPatients(db, { terms, dateOfBirth, limit }).map((patient) => patient.mrn);
}

describe('patients repository', () => {
  const ledger = ledgerPerTest();

  it('inserts version 1 of a patient and reads it back with its JSON fields parsed', () => {
    const { db } = ledger();
    const patient = seedPatient(ledger());
    expect(patient).toEqual({
      id: patient.id,
      mrn: 'MRN-0001',
      familyName: 'Ruiz',
      givenNames: 'Ana María',
      preferredName: '',
      dateOfBirth: '1945-07-14',
      sex: 'female',
      phone: '+1 555 0100',
      emergencyContact: { name: 'Luis Ruiz', relationship: 'Son', phone: '+1 555 0101' },
      allergies: { status: 'recorded', items: ['Penicillin'] },
      version: 1,
      createdAt: t0,
      updatedAt: t0,
    });
    expect(getPatient(db, patient.id)).toEqual(patient);
    expect(findPatientIdByMrn(db, 'MRN-0001')).toBe(patient.id);
  });

  it('keeps a missing emergency contact as null and stores the folded search keys', () => {
    const { db, raw } = ledger();
    const patient = seedPatient(ledger(), {
      familyName: 'Żółć',
      givenNames: 'Łukasz',
      emergencyContact: null,
      allergies: { status: 'none-known' },
    });
    expect(getPatient(db, patient.id)).toMatchObject({ emergencyContact: null, allergies: { status: 'none-known' } });
    expect(raw.prepare('SELECT search_text, family_key FROM patients WHERE id = ?').get(patient.id)).toEqual({
      search_text: 'zolc lukasz',
      family_key: 'zolc',
    });
  });

  it('answers undefined for an unknown id or MRN', () => {
    const { db } = ledger();
    // Asked before the insert too: the cached prepared statements must see new rows.
    expect(getPatient(db, 1)).toBeUndefined();
    expect(findPatientIdByMrn(db, 'MRN-0001')).toBeUndefined();
    const patient = seedPatient(ledger());
    expect(getPatient(db, patient.id + 1)).toBeUndefined();
    expect(findPatientIdByMrn(db, 'MRN-0002')).toBeUndefined();
    expect(findPatientIdByMrn(db, 'MRN-0001')).toBe(patient.id);
  });

  it('refuses a second patient with the same MRN', () => {
    seedPatient(ledger());
    expect(() => seedPatient(ledger(), { familyName: 'Other' })).toThrow(/UNIQUE constraint failed: patients.mrn/);
    expect(listAllPatients(ledger().db)).toHaveLength(1);
  });

  it('updates from the version read, bumping the version and keeping the creation time', () => {
    const { db } = ledger();
    const patient = seedPatient(ledger());
    const fields = patientInputSchema.parse(patientInput({ phone: '+1 555 0199', emergencyContact: null }));
    const later = minutesAfter(10);
    const updated = updatePatient(db, patient.id, 1, fields, later);
    expect(updated).toEqual({ ...patient, phone: '+1 555 0199', emergencyContact: null, version: 2, updatedAt: later });
    expect(getPatient(db, patient.id)).toEqual(updated);
  });

  it('refuses an update from a stale version and leaves the patient as it was', () => {
    const { db } = ledger();
    const patient = seedPatient(ledger());
    const fields = patientInputSchema.parse(patientInput({ phone: '000' }));
    updatePatient(db, patient.id, 1, fields, minutesAfter(1));
    const current = getPatient(db, patient.id);
    expect(() => updatePatient(db, patient.id, 1, patientInputSchema.parse(patientInput()), minutesAfter(2))).toThrow(
      `patient ${patient.id} version 1 vanished`,
    );
    expect(getPatient(db, patient.id)).toEqual(current);
    expect(current?.version).toBe(2);
  });

  it('lists every chart in id order', () => {
    seedPatient(ledger(), { mrn: 'B-2', familyName: 'Zamora' });
    seedPatient(ledger(), { mrn: 'A-1', familyName: 'Abbot' });
    expect(listAllPatients(ledger().db).map((patient) => patient.mrn)).toEqual(['B-2', 'A-1']);
  });

  describe('search', () => {
    function seedClinicList() {
      seedPatient(ledger(), { mrn: 'MRN-0003', familyName: 'Ruiz', givenNames: 'Carlos' });
      seedPatient(ledger(), { mrn: 'MRN-0001', familyName: 'Ruiz', givenNames: 'Ana María' });
      seedPatient(ledger(), { mrn: 'MRN-0002', familyName: 'Anand', givenNames: 'Priya', dateOfBirth: '1980-02-29' });
      seedPatient(ledger(), { mrn: 'X-77', familyName: 'Żółć', givenNames: 'Łukasz', dateOfBirth: '1980-02-29' });
      seedPatient(ledger(), { mrn: 'X-78', familyName: 'Brown', givenNames: 'Zoe', preferredName: 'Ana' });
    }

    it('lists charts A–Z by family name, then given names, when the query is empty', () => {
      seedClinicList();
      expect(search(ledger().db, '  ')).toEqual(['MRN-0002', 'X-78', 'MRN-0001', 'MRN-0003', 'X-77']);
    });

    it('returns at most `limit` charts, the first ones in that order', () => {
      seedClinicList();
      expect(search(ledger().db, '', 2)).toEqual(['MRN-0002', 'X-78']);
      expect(search(ledger().db, 'ruiz', 1)).toEqual(['MRN-0001']);
      expect(search(ledger().db, 'an', 2)).toEqual(['MRN-0002', 'X-78']);
    });

    it('finds family-name matches first, then any other name part, ignoring accents and case', () => {
      seedClinicList();
      // "Anand" by family name first, then given name "Ana María" and preferred name "Ana".
      expect(search(ledger().db, 'ana')).toEqual(['MRN-0002', 'X-78', 'MRN-0001']);
      // Family name "Żółć" before given name "Zoe", although "Brown" files before "Zolc".
      expect(search(ledger().db, 'zo')).toEqual(['X-77', 'X-78']);
      expect(search(ledger().db, 'ZOLC')).toEqual(['X-77']);
      expect(search(ledger().db, 'łuk')).toEqual(['X-77']);
      expect(search(ledger().db, 'ruiz carl')).toEqual(['MRN-0003']);
    });

    it('finds by MRN prefix, in MRN order, whatever the case typed', () => {
      seedClinicList();
      expect(search(ledger().db, 'mrn-000')).toEqual(['MRN-0001', 'MRN-0002', 'MRN-0003']);
      expect(search(ledger().db, 'X-7')).toEqual(['X-77', 'X-78']);
    });

    it('finds by exact date of birth', () => {
      seedClinicList();
      expect(search(ledger().db, '1980-02-29', 20, '1980-02-29')).toEqual(['MRN-0002', 'X-77']);
      expect(search(ledger().db, '1980-03-01', 20, '1980-03-01')).toEqual([]);
    });

    it('lists a chart found several ways (MRN and name) once', () => {
      seedPatient(ledger(), { mrn: 'RUIZ-1', familyName: 'Ruiz', givenNames: 'Ana' });
      seedPatient(ledger(), { mrn: 'MRN-0009', familyName: 'Ruizová', givenNames: 'Eva' });
      expect(search(ledger().db, 'ruiz')).toEqual(['RUIZ-1', 'MRN-0009']);
    });

    it('finds nothing for a name no chart has', () => {
      seedClinicList();
      expect(search(ledger().db, 'nobody')).toEqual([]);
    });

    it('follows a name change: the old name no longer finds the chart', () => {
      const { db } = ledger();
      const patient = seedPatient(ledger(), { familyName: 'Ruiz', givenNames: 'Ana' });
      updatePatient(db, patient.id, 1, patientInputSchema.parse(patientInput({ familyName: 'Moreno' })), t0);
      expect(search(db, 'ruiz')).toEqual([]);
      expect(search(db, 'moreno')).toEqual(['MRN-0001']);
    });
  });

  describe('search as staff type names', () => {
    /** [mrn, family, given, preferred]: names in twelve scripts and spellings. */
    const names = [
      ['IRL-1', "O'Brien", 'Siobhán', ''],
      ['IRL-2', 'O’Sullivan', 'Seán', ''],
      ['IRL-3', 'Ó Briain', 'Aoife', ''],
      ['HAW-1', 'Kaʻahumanu', 'ʻIolani', ''],
      ['HYP-1', 'Smith-Jones', 'Clare', ''],
      ['VIE-1', 'Nguyễn', 'Thị Minh Khai', ''],
      ['GRE-1', 'Παπαδόπουλος', 'Κωνσταντίνος', ''],
      ['CYR-1', 'Иванова', 'Пётр', ''],
      ['ARA-1', 'العلي', 'مُحَمَّد', ''],
      ['HEB-1', 'כֹּהֵן', 'דָּוִד', ''],
      ['CHI-1', '王', '小明', ''],
      ['JPN-1', 'さとう', 'はなこ', ''],
      ['KOR-1', '김', '민준', ''],
      ['HIN-1', 'शर्मा', 'प्रिया', ''],
      ['GER-1', 'Müller', 'Jürgen', ''],
    ] as const;

    function seedNames() {
      for (const [mrn, familyName, givenNames, preferredName] of names) {
        seedPatient(ledger(), { mrn, familyName, givenNames, preferredName });
      }
    }

    const expectations: [string, string[]][] = [
      // Irish apostrophes: dropped, spaced or typed either way; prefixes as typed.
      ['obrien', ['IRL-1']],
      ["o'brien", ['IRL-1']],
      ['O’BRIEN', ['IRL-1']],
      ['o brien', ['IRL-1']],
      ['brien', ['IRL-1']],
      // Ó Briain, the Irish spelling, is found too: written together it begins "obr".
      ['ob', ['IRL-1', 'IRL-3']],
      ['obr', ['IRL-1', 'IRL-3']],
      ['osullivan', ['IRL-2']],
      ["o'sull", ['IRL-2']],
      ['obriain', ['IRL-3']],
      ['ó briain', ['IRL-3']],
      // Hawaiian ʻokina and diacritics.
      ['iolani', ['HAW-1']],
      ['kaahumanu', ['HAW-1']],
      ['kaʻahumanu', ['HAW-1']],
      ["ka'ahumanu iolani", ['HAW-1']],
      ['iol', ['HAW-1']],
      ['kaa', ['HAW-1']],
      // Hyphenated.
      ['smithjones', ['HYP-1']],
      ['smith jones', ['HYP-1']],
      ['smith-jones', ['HYP-1']],
      ['jones', ['HYP-1']],
      ['smithj', ['HYP-1']],
      // Vietnamese.
      ['nguyen thi', ['VIE-1']],
      ['NGUYỄN', ['VIE-1']],
      // Greek, typed in capitals (final sigma) and without accents.
      ['παπαδοπουλος', ['GRE-1']],
      ['ΚΩΝΣ', ['GRE-1']],
      ['κωνσταντίνος', ['GRE-1']],
      // Cyrillic.
      ['иванова', ['CYR-1']],
      ['ПЕТР', ['CYR-1']],
      // Arabic and Hebrew, with or without vowel points.
      ['محمد', ['ARA-1']],
      ['العلي محمد', ['ARA-1']],
      ['כהן', ['HEB-1']],
      ['דוד', ['HEB-1']],
      // Chinese: with or without a space between family and given names, and each alone.
      ['王小明', ['CHI-1']],
      ['王 小明', ['CHI-1']],
      ['王小', ['CHI-1']],
      ['王', ['CHI-1']],
      ['小明', ['CHI-1']],
      // Japanese kana, in hiragana or katakana, together or apart.
      ['さとうはなこ', ['JPN-1']],
      ['サトウ', ['JPN-1']],
      ['ハナコ', ['JPN-1']],
      // Korean hangul, written together as Koreans write names, or apart, or as a prefix.
      ['김민준', ['KOR-1']],
      ['김 민준', ['KOR-1']],
      ['김민', ['KOR-1']],
      ['민준', ['KOR-1']],
      // Devanagari.
      ['शर्मा', ['HIN-1']],
      ['प्रिया शर्मा', ['HIN-1']],
      // German umlauts.
      ['muller', ['GER-1']],
    ];

    it.each(expectations)('%s finds %j', (query, expected) => {
      seedNames();
      expect(search(ledger().db, query)).toEqual(expected);
    });

    it('stores the names exactly as entered', () => {
      seedNames();
      const stored = listAllPatients(ledger().db).map((patient) => [
        patient.mrn,
        patient.familyName,
        patient.givenNames,
        patient.preferredName,
      ]);
      // As entered, after the patient schema's one normalisation (NFC).
      expect(stored).toEqual(names.map((row) => row.map((text) => text.normalize('NFC'))));
    });

    it('files O’Brien under OB when listing charts A–Z', () => {
      seedPatient(ledger(), { mrn: 'A-1', familyName: 'Oakes', givenNames: 'Ann' });
      seedPatient(ledger(), { mrn: 'A-2', familyName: 'O’Brien', givenNames: 'Ann' });
      seedPatient(ledger(), { mrn: 'A-3', familyName: 'Ochoa', givenNames: 'Ann' });
      expect(search(ledger().db, '')).toEqual(['A-1', 'A-2', 'A-3']);
      expect(search(ledger().db, 'o')).toEqual(['A-1', 'A-2', 'A-3']);
    });
  });
});
