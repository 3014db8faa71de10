import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameSearchText, searchKey, searchTerms } from '../../src/domain/search-key';

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

  it('turns punctuation and runs of spaces into single spaces and trims, but drops apostrophes', () => {
    expect(searchKey("  Ana-María   O'Brien, Jr.  ")).toBe('ana maria obrien jr');
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

describe('searchKey, as staff type names', () => {
  it("drops apostrophes, whichever is typed, so O'Brien and obrien match", () => {
    for (const name of ["O'Brien", 'O’Brien', 'Oʼbrien', 'O‘Brien', 'O`Brien', 'O´Brien', 'Oʹbrien', 'O＇BRIEN']) {
      expect(searchKey(name), name).toBe('obrien');
    }
    expect(searchKey('ʿAbd al-Raḥmān')).toBe('abd al rahman');
  });

  it('drops the Hawaiian ʻokina and folds the kahakō', () => {
    expect(searchKey('ʻIolani')).toBe('iolani');
    expect(searchKey('Kaʻahumanu')).toBe('kaahumanu');
    expect(searchKey('Kekūanaōʻa')).toBe('kekuanaoa');
  });

  it('folds the Greek final sigma, so a name typed in capitals matches as a prefix', () => {
    // "ΚΩΝΣ".toLowerCase() ends in ς, but Κωνσταντίνος has σ there.
    expect(searchKey('ΚΩΝΣ')).toBe('κωνσ');
    expect(searchKey('Κωνσταντίνος Παπαδόπουλος')).toBe('κωνσταντινοσ παπαδοπουλοσ');
  });

  it('folds katakana to hiragana, so either kana spelling of a name matches', () => {
    expect(searchKey('サトウ ハナコ')).toBe(searchKey('さとう はなこ'));
    expect(searchKey('ｻﾄｳ')).toBe(searchKey('さとう'));
  });

  it('drops the Arabic tatweel and the Hebrew and Arabic vowel points', () => {
    expect(searchKey('محـــمد')).toBe('محمد');
    expect(searchKey('مُحَمَّد')).toBe('محمد');
    expect(searchKey('כֹּהֵן')).toBe('כהן');
  });
});

describe('nameSearchText', () => {
  const tokens = (familyName: string, givenNames: string, preferredName = '') =>
    nameSearchText({ familyName, givenNames, preferredName }).split(' ');

  it('indexes the folded words of every name, family first', () => {
    expect(nameSearchText({ familyName: 'Żółć', givenNames: 'Łukasz', preferredName: '' })).toBe('zolc lukasz');
    expect(tokens('Ruiz', 'Ana', 'Anita')).toEqual(['ruiz', 'ana', 'anita']);
  });

  it('indexes a name written with an apostrophe or a hyphen whole and in its pieces', () => {
    expect(tokens("O'Brien", 'Siobhán')).toEqual(expect.arrayContaining(['obrien', 'o', 'brien', 'siobhan']));
    expect(tokens('Smith-Jones', 'Clare')).toEqual(expect.arrayContaining(['smith', 'jones', 'smithjones']));
    expect(tokens('Kaʻahumanu', 'ʻIolani')).toEqual(expect.arrayContaining(['kaahumanu', 'iolani']));
  });

  it('indexes a name of several words also written together', () => {
    expect(tokens('García Márquez', 'Ana María')).toEqual(
      expect.arrayContaining(['garcia', 'marquez', 'garciamarquez', 'ana', 'maria', 'anamaria']),
    );
    expect(tokens('Mac an tSaoir', 'Aoife')).toContain('macantsaoir');
  });

  it('indexes Chinese, Japanese and Korean family and given names also written together', () => {
    expect(tokens('王', '小明')).toEqual(['王', '小明', '王小明']);
    expect(tokens('佐藤', '花子')).toContain('佐藤花子');
    expect(tokens('김', '민준')).toContain(searchKey('김민준'));
    // Not for names in scripts written with spaces.
    expect(tokens('Ruiz', 'Ana')).not.toContain('ruizana');
    expect(tokens('王', 'Lily')).not.toContain('王lily');
  });

  it('lists each word once', () => {
    const list = tokens('Ruiz Ruiz', 'Ruiz', 'ruiz');
    expect(new Set(list).size).toBe(list.length);
  });

  /** Words from several scripts, joined by the separators staff type in names. */
  const word = fc.constantFrom(
    'o',
    'Brien',
    'Smith',
    'Jones',
    'Żółć',
    'ʻIolani',
    'Kaʻahumanu',
    'Παπαδόπουλος',
    'Иванова',
    'عائشة',
    'כֹּהֵן',
    '王',
    '小明',
    'さとう',
    '김민준',
    'प्रिया',
    'Nguyễn',
    'Thị',
  );
  const separators = [' ', '-', "'", '’', 'ʼ', 'ʻ', '–', '·'];
  const separator = fc.constantFrom(...separators);
  const name = fc
    .tuple(word, fc.array(fc.tuple(separator, word), { maxLength: 3 }))
    .map(([first, rest]) => first + rest.map(([sep, next]) => sep + next).join(''));

  /** How staff may type a name: as written, without its separators, or with spaces for them. */
  function typings(written: string): string[] {
    const chars = [...written];
    const typed = (replacement: string) =>
      chars.map((char) => (separators.includes(char) ? replacement : char)).join('');
    return [written, typed(''), typed(' ')];
  }

  it('finds a name however its separators are typed, and every prefix of that as typed', () => {
    fc.assert(
      fc.property(name, name, fc.nat(), (familyName, givenNames, cut) => {
        const indexed = nameSearchText({ familyName, givenNames, preferredName: '' }).split(' ');
        for (const written of [familyName, givenNames]) {
          for (const typed of typings(written)) {
            const chars = [...typed];
            const prefix = chars.slice(0, 1 + (cut % chars.length)).join('');
            for (const query of [typed, prefix]) {
              for (const term of searchTerms(query)) {
                expect(
                  indexed.some((token) => token.startsWith(term)),
                  `${query} → ${term} in ${indexed.join(' ')}`,
                ).toBe(true);
              }
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('yields folded words only: each one its own search key', () => {
    fc.assert(
      fc.property(name, name, name, (familyName, givenNames, preferredName) => {
        for (const token of nameSearchText({ familyName, givenNames, preferredName }).split(' ')) {
          expect(searchKey(token)).toBe(token);
          expect(token).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });
});
