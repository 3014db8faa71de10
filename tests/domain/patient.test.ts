import { describe, expect, it } from 'vitest';
import type { PatientInput } from '../../src/domain/patient';
import {
  allergiesSchema,
  formatAllergies,
  formatPatientName,
  mrnSchema,
  patientInputSchema,
  sexes,
} from '../../src/domain/patient';
import { patientInput } from '../support/fixtures';

/** The dotted paths of the issues zod reports for `input`. */
function issuePaths(input: unknown): string[] {
  const result = patientInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

function parse(overrides: Partial<PatientInput>) {
  return patientInputSchema.parse(patientInput(overrides));
}

describe('patientInputSchema', () => {
  it('accepts a complete patient and keeps every field', () => {
    const input = patientInput();
    expect(patientInputSchema.parse(input)).toEqual(input);
  });

  it('stores names in any script exactly', () => {
    for (const [familyName, givenNames] of [
      ['Ångström', 'Zoë'],
      ['Żółć', 'Łukasz'],
      ['王', '小明'],
      ['الهاشمي', 'عائشة'],
    ] as const) {
      const parsed = parse({ familyName, givenNames });
      expect(parsed.familyName).toBe(familyName);
      expect(parsed.givenNames).toBe(givenNames);
    }
  });

  it('normalises text to NFC, so a decomposed Zoë is stored one way', () => {
    const parsed = parse({
      familyName: 'A\u030Angstro\u0308m',
      givenNames: 'Zoe\u0308',
      preferredName: 'Zoe\u0308',
      phone: '',
      emergencyContact: { name: 'Rene\u0301', relationship: 'Fre\u0300re', phone: '1' },
      allergies: { status: 'recorded', items: ['Pe\u0301nicilline'] },
    });
    expect(parsed.familyName).toBe('\u00C5ngstr\u00F6m');
    expect(parsed.givenNames).toBe('Zo\u00EB');
    expect(parsed.preferredName).toBe('Zo\u00EB');
    expect(parsed.emergencyContact).toEqual({ name: 'Ren\u00E9', relationship: 'Fr\u00E8re', phone: '1' });
    expect(parsed.allergies).toEqual({ status: 'recorded', items: ['P\u00E9nicilline'] });
  });

  it('trims text fields', () => {
    const parsed = parse({ familyName: '  Ruiz ', givenNames: '\tAna\n', phone: ' 555 ' });
    expect(parsed.familyName).toBe('Ruiz');
    expect(parsed.givenNames).toBe('Ana');
    expect(parsed.phone).toBe('555');
  });

  it('refuses control characters inside text', () => {
    for (const bad of ['Ru\u0000iz', 'Ru\u0007iz', 'Ru\niz', 'Ru\tiz', 'Ru\u007Fiz', 'Ru\u0085iz']) {
      const result = patientInputSchema.safeParse(patientInput({ familyName: bad }));
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues).toEqual([
        expect.objectContaining({ path: ['familyName'], message: 'Remove control characters' }),
      ]);
    }
    expect(issuePaths(patientInput({ emergencyContact: { name: 'A\u0001', relationship: '', phone: '1' } }))).toEqual([
      'emergencyContact.name',
    ]);
  });

  it('requires family and given names, but not a preferred name or phone', () => {
    expect(issuePaths(patientInput({ familyName: '   ', givenNames: '' }))).toEqual(['familyName', 'givenNames']);
    expect(parse({ preferredName: '', phone: '' })).toMatchObject({ preferredName: '', phone: '' });
  });

  it('limits text length', () => {
    expect(issuePaths(patientInput({ familyName: 'x'.repeat(201) }))).toEqual(['familyName']);
    expect(parse({ familyName: 'x'.repeat(200) }).familyName).toHaveLength(200);
    expect(issuePaths(patientInput({ phone: '1'.repeat(51) }))).toEqual(['phone']);
  });

  it('upper-cases and trims the MRN, and refuses anything but letters, digits and hyphens', () => {
    expect(parse({ mrn: ' mrn-001 ' }).mrn).toBe('MRN-001');
    expect(mrnSchema.parse('a1')).toBe('A1');
    expect(mrnSchema.parse('A'.repeat(32))).toHaveLength(32);
    for (const bad of ['', '-A1', 'A 1', 'A_1', 'A/1', 'Ä1', 'A'.repeat(33)]) {
      expect(mrnSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('requires a real date of birth as yyyy-mm-dd', () => {
    expect(issuePaths(patientInput({ dateOfBirth: '2026-02-30' }))).toEqual(['dateOfBirth']);
    expect(issuePaths(patientInput({ dateOfBirth: '14-Jul-1945' }))).toEqual(['dateOfBirth']);
    expect(parse({ dateOfBirth: '2024-02-29' }).dateOfBirth).toBe('2024-02-29');
  });

  it('accepts only the listed sexes', () => {
    for (const sex of sexes) expect(parse({ sex }).sex).toBe(sex);
    expect(issuePaths({ ...patientInput(), sex: 'F' })).toEqual(['sex']);
  });

  it('takes an emergency contact or null, requiring its name and phone', () => {
    expect(parse({ emergencyContact: null }).emergencyContact).toBeNull();
    expect(issuePaths(patientInput({ emergencyContact: { name: '', relationship: '', phone: '' } }))).toEqual([
      'emergencyContact.name',
      'emergencyContact.phone',
    ]);
  });
});

describe('allergiesSchema', () => {
  it('tells "not recorded" from "none known" from a list', () => {
    expect(allergiesSchema.parse({ status: 'not-recorded' })).toEqual({ status: 'not-recorded' });
    expect(allergiesSchema.parse({ status: 'none-known' })).toEqual({ status: 'none-known' });
    expect(allergiesSchema.parse({ status: 'recorded', items: [' Latex ', 'Penicillin'] })).toEqual({
      status: 'recorded',
      items: ['Latex', 'Penicillin'],
    });
  });

  it('drops items sent with a status that has none', () => {
    expect(allergiesSchema.parse({ status: 'none-known', items: ['Latex'] })).toEqual({ status: 'none-known' });
  });

  it('refuses an empty list, empty items, too many items and unknown statuses', () => {
    expect(allergiesSchema.safeParse({ status: 'recorded', items: [] }).success).toBe(false);
    expect(allergiesSchema.safeParse({ status: 'recorded' }).success).toBe(false);
    expect(allergiesSchema.safeParse({ status: 'recorded', items: ['  '] }).success).toBe(false);
    expect(allergiesSchema.safeParse({ status: 'recorded', items: Array.from({ length: 51 }, String) }).success).toBe(
      false,
    );
    expect(allergiesSchema.safeParse({ status: 'recorded', items: Array.from({ length: 50 }, String) }).success).toBe(
      true,
    );
    expect(allergiesSchema.safeParse({ status: 'unknown' }).success).toBe(false);
    expect(allergiesSchema.safeParse(['Latex']).success).toBe(false);
  });
});

describe('formatPatientName', () => {
  it('prints the family name in capitals, then the given names as typed', () => {
    expect(formatPatientName({ familyName: 'Ruiz', givenNames: 'Ana María' })).toBe('RUIZ, Ana María');
    expect(formatPatientName({ familyName: 'Żółć', givenNames: 'Łukasz' })).toBe('ŻÓŁĆ, Łukasz');
    expect(formatPatientName({ familyName: 'Ångström', givenNames: 'Zoë' })).toBe('ÅNGSTRÖM, Zoë');
    expect(formatPatientName({ familyName: '王', givenNames: '小明' })).toBe('王, 小明');
    expect(formatPatientName({ familyName: 'الهاشمي', givenNames: 'عائشة' })).toBe('الهاشمي, عائشة');
  });
});

describe('formatAllergies', () => {
  it('says which of the three states the record is in', () => {
    expect(formatAllergies({ status: 'not-recorded' })).toBe('Allergies not recorded');
    expect(formatAllergies({ status: 'none-known' })).toBe('No known allergies');
    expect(formatAllergies({ status: 'recorded', items: ['Latex', 'Penicillin'] })).toBe('Latex, Penicillin');
  });
});
