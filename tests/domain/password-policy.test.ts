import { describe, expect, it } from 'vitest';
import { minPasswordLength, passwordProblems, passwordRules } from '../../src/domain/password-policy';

/** The ids of the rules a password breaks. */
const broken = (password: string, username?: string) =>
  passwordRules(password, username)
    .filter((rule) => !rule.met)
    .map((rule) => rule.id);

describe('passwordRules', () => {
  it('lists the four rules in a stable order with plain labels', () => {
    const rules = passwordRules('');
    expect(rules.map((rule) => rule.id)).toEqual(['length', 'letter', 'digit-or-symbol', 'not-username']);
    expect(rules[0]?.label).toBe(`At least ${minPasswordLength} characters`);
    expect(minPasswordLength).toBe(12);
  });

  it('accepts a long password with letters and a digit or symbol', () => {
    expect(broken('Harbor-clinic-key-2026', 'admin')).toEqual([]);
    expect(broken('correct horse battery 9')).toEqual([]);
  });

  it('needs at least 12 characters, counted as code points not UTF-16 units', () => {
    expect(broken('Abcdefghij1')).toEqual(['length']);
    expect(broken('Abcdefghijk1')).toEqual([]);
    // Eleven emoji are 22 UTF-16 units but only 11 characters.
    expect(broken(`a${'😀'.repeat(10)}`)).toEqual(['length']);
    expect(broken(`a${'😀'.repeat(11)}`)).toEqual([]);
  });

  it('counts letters of any script', () => {
    expect(broken('пароль-123456')).toEqual([]);
    expect(broken('王小明的密码是很长的-1')).toEqual([]);
    expect(broken('1234567890-=+')).toEqual(['letter']);
  });

  it('needs a digit or a symbol; a space does not count', () => {
    expect(broken('onlyletterslong')).toEqual(['digit-or-symbol']);
    expect(broken('only letters long')).toEqual(['digit-or-symbol']);
    expect(broken('letters and !')).toEqual([]);
  });

  it('refuses a password containing the username, in any case', () => {
    expect(broken('my-NurseJoy-2026', 'nursejoy')).toEqual(['not-username']);
    expect(broken('my-nursejoy-2026', ' NurseJoy ')).toEqual(['not-username']);
    expect(broken('my-nursejo-2026', 'nursejoy')).toEqual([]);
  });

  it('ignores usernames shorter than 3 characters', () => {
    expect(broken('ab-password-2026', 'ab')).toEqual([]);
  });
});

describe('passwordProblems', () => {
  it('returns the label of each broken rule', () => {
    expect(passwordProblems('short')).toEqual(['At least 12 characters', 'Contains a number or a symbol']);
    expect(passwordProblems('admin-password-1', 'admin')).toEqual(['Does not contain the username']);
    expect(passwordProblems('Strong-password-2026', 'nurse')).toEqual([]);
  });
});
