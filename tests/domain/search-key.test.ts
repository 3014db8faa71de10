import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchKey, searchTerms } from '../../src/domain/search-key';

describe('searchKey', () => {
  it('removes accents and case from Latin names', () => {
    expect(searchKey('Zoë')).toBe('zoe');
    expect(searchKey('ZOË')).toBe('zoe');
    // The same name typed with a combining diaeresis (NFD) folds to the same key.
    expect(searchKey('Zoe\u0308')).toBe('zoe');
    expect(searchKey('José Ñúñez')).toBe('jose nunez');
  });

  it('folds letters that Unicode does not decompose', () => {
    expect(searchKey('Łukasz Żółć')).toBe('lukasz zolc');
    expect(searchKey('ŁUKASZ ŻÓŁĆ')).toBe('lukasz zolc');
    expect(searchKey('Ørsted Đorđević Ħal Þór')).toBe('orsted dordevic hal thor');
    expect(searchKey('Æsir Œuvre')).toBe('aesir oeuvre');
    expect(searchKey('Yıldız')).toBe('yildiz');
  });

  it('folds Ångström, whichever code point the Å is', () => {
    expect(searchKey('Ångström')).toBe('angstrom');
    expect(searchKey('\u212Bngstr\u00F6m')).toBe('angstrom');
    expect(searchKey('A\u030Angstro\u0308m')).toBe('angstrom');
  });

  it('folds ß (and capital ẞ) to ss, so Straße and STRASSE match', () => {
    expect(searchKey('Straße')).toBe('strasse');
    expect(searchKey('STRASSE')).toBe('strasse');
    expect(searchKey('STRAẞE')).toBe('strasse');
  });

  it('keeps scripts without case as they are', () => {
    expect(searchKey('王小明')).toBe('王小明');
    expect(searchKey('王 小明')).toBe('王 小明');
    expect(searchKey('Иван Петров')).toBe('иван петров');
  });

  it('keeps Arabic letters, folding only the hamza mark (so both spellings of Aisha match)', () => {
    // ئ (U+0626) is ي (U+064A) plus the combining hamza above (U+0654), which is a mark and is
    // folded like any accent; every letter is kept, nothing is transliterated.
    expect(searchKey('عائشة')).toBe('عايشة');
    expect(searchKey('عايشة')).toBe(searchKey('عائشة'));
    expect(searchKey('فاطمة')).toBe('فاطمة');
  });

  it('turns punctuation and runs of spaces into single spaces and trims', () => {
    expect(searchKey("  Ana-María   O'Brien, Jr.  ")).toBe('ana maria o brien jr');
    expect(searchKey('!!!')).toBe('');
    expect(searchKey('')).toBe('');
    expect(searchKey('MRN-0042')).toBe('mrn 0042');
  });

  it('is idempotent and yields only lower-case letters, digits and single inner spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        const key = searchKey(text);
        expect(searchKey(key)).toBe(key);
        expect(key).toBe(key.toLowerCase());
        expect(key).toMatch(/^(?:[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*)?$/u);
        expect(key).not.toMatch(/\p{M}/u);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same key for NFC and NFD spellings of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        expect(searchKey(text.normalize('NFD'))).toBe(searchKey(text.normalize('NFC')));
      }),
      { numRuns: 500 },
    );
  });
});

describe('searchTerms', () => {
  it('splits a query into folded words', () => {
    expect(searchTerms('Ana  RUIZ')).toEqual(['ana', 'ruiz']);
    expect(searchTerms(' Żółć ')).toEqual(['zolc']);
  });

  it('returns no terms for a query without letters or digits', () => {
    expect(searchTerms('   ')).toEqual([]);
    expect(searchTerms('"*-()')).toEqual([]);
  });
});
