/**
 * The version of the folding below. Keys stored with an older version are recomputed when a
 * ledger opens (src/db/patient-search-keys.ts): bump it whenever a change here changes a key.
 */
export const searchKeyVersion = 2;

/** Letters that Unicode does not decompose into a base letter plus a mark. */
const foldedLetters: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  // Lower-casing "ΚΩΝΣ" ends it in ς; the same letter inside Κωνσταντίνος is σ.
  ς: 'σ',
};

/**
 * Apostrophes as typed (' ’ ‘ ʼ ` ´ ′ ＇), the Hawaiian ʻokina, the transliteration marks for
 * ʿayn and hamza (ʿ ʾ ʽ), the modifier prime (ʹ), the saltillo (ꞌ) and the Hebrew geresh (׳).
 * Staff type O'Brien as "obrien", "o'brien" or "o brien", and Kaʻahumanu as "kaahumanu".
 */
const apostrophes = /['`´‘’‛′ʹʻʼʽʾʿ׳＇Ꞌꞌ]/gu;

/** Dropped, joining the letters around them: apostrophes and the Arabic tatweel (ـ, a stretch of the line). */
const joiners = /['`´‘’‛′ʹʻʼʽʾʿ׳＇Ꞌꞌـ]/gu;

/** Katakana ァ–ヶ sit 0x60 above the hiragana ぁ–ゖ that spell the same sounds. */
function hiragana(letter: string): string {
  return String.fromCodePoint((letter.codePointAt(0) ?? 0) - 0x60);
}

/**
 * Folds text for accent- and case-insensitive matching: "Łukasz Żółć" → "lukasz zolc",
 * "O’Brien" → "obrien", "ʻIolani" → "iolani", "サトウ" → "さとう". Every other run of
 * punctuation or space (hyphens included) becomes one space. Scripts without case (王小明,
 * عائشة) keep their letters and lose only their marks (vowel points, hamza, Indic vowel signs,
 * which SQLite's full-text tokenizer would otherwise split words at).
 */
export function searchKey(text: string): string {
  // Most name parts are plain ASCII words, which every step below would leave as they are.
  if (/^[A-Za-z0-9]*$/.test(text)) return text.toLowerCase();
  return (
    text
      // Dropped before NFKD, which turns ´ into a space and a mark, and after it, which turns ＇ into '.
      .replace(joiners, '')
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(joiners, '')
      .toLowerCase()
      .replace(/[łøđħıßæœþς]/g, (letter) => foldedLetters[letter] ?? letter)
      .replace(/[\u30A1-\u30F6]/g, hiragana)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

/** Splits a search query into folded words. */
export function searchTerms(query: string): string[] {
  const key = searchKey(query);
  return key === '' ? [] : key.split(' ');
}

/** Scripts that write a person's whole name without spaces (王小明, 佐藤花子, 김민준). */
const unspacedScript = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]+$/u;

/** `apostrophes`, without the global flag, to test for one. */
const hasApostrophe = new RegExp(apostrophes.source, 'u');

/**
 * The words of one name field under every spelling staff type: `plain`, each folded word
 * ("smith", "jones", "obrien"); `extra`, each piece between apostrophes ("o", "brien") and,
 * written together, each part with punctuation inside and the whole field ("smithjones",
 * "delacruz"). Folded part by part: this runs for every patient saved.
 */
function fieldWords(name: string): { plain: string[]; extra: string[] } {
  const plain: string[] = [];
  const extra: string[] = [];
  for (const part of name.split(/\s+/u)) {
    const words = searchTerms(part);
    plain.push(...words);
    if (words.length > 1) extra.push(words.join(''));
    if (hasApostrophe.test(part)) {
      const pieces = searchTerms(part.replace(apostrophes, ' '));
      if (pieces.length > 1) extra.push(...pieces);
    }
  }
  if (plain.length > 1) extra.push(plain.join(''));
  return { plain, extra };
}

/**
 * The full-text document by which a patient is found: the words of the family, given and
 * preferred names under `fieldWords`, and, for names in scripts written without spaces, family
 * and given names written together ("王小明" for 王 小明), each word once. Searching matches a
 * prefix of any word, so `obr`, `iol` and `王小` find as the staff type.
 */
export function nameSearchText(names: { familyName: string; givenNames: string; preferredName: string }): string {
  const family = fieldWords(names.familyName);
  const given = fieldWords(names.givenNames);
  const preferred = fieldWords(names.preferredName);
  const words = [
    ...family.plain,
    ...given.plain,
    ...preferred.plain,
    ...family.extra,
    ...given.extra,
    ...preferred.extra,
  ];
  const familyJoined = family.plain.join('');
  const givenJoined = given.plain.join('');
  if (unspacedScript.test(familyJoined) && unspacedScript.test(givenJoined)) words.push(familyJoined + givenJoined);
  return [...new Set(words)].join(' ');
}
