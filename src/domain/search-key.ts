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
};

/**
 * Folds text for accent- and case-insensitive matching: "Łukasz Żółć" → "lukasz zolc".
 * Scripts without case (王小明, عائشة) pass through unchanged apart from marks.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøđħıßæœþ]/g, (letter) => foldedLetters[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Splits a search query into folded words. */
export function searchTerms(query: string): string[] {
  const key = searchKey(query);
  return key === '' ? [] : key.split(' ');
}
