/**
 * Just enough of the Unicode bidirectional algorithm (UAX #9) for names, addresses and
 * notes in a left-to-right document: Arabic or Hebrew runs are shown right to left, digits
 * inside them stay left to right, and spaces between two right-to-left words belong to the
 * right-to-left run. No explicit embeddings, no mirroring of brackets.
 */
export type BidiClass = 'L' | 'R' | 'EN' | 'NSM' | 'N';

const rightToLeftScript = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const letter = /\p{L}/u;
const mark = /\p{M}/u;
const digit = /[0-9\u0660-\u0669\u06F0-\u06F9]/u;

export function bidiClassOf(character: string): BidiClass {
  if (mark.test(character)) return 'NSM';
  if (digit.test(character)) return 'EN';
  if (letter.test(character)) return rightToLeftScript.test(character) ? 'R' : 'L';
  return 'N';
}

/** True when fontkit will lay the text out right to left (it picks the first script it meets). */
export function hasRightToLeftScript(text: string): boolean {
  return rightToLeftScript.test(text);
}

/**
 * Embedding levels per character (0 = left to right, 1 = right to left, 2 = numbers inside
 * right-to-left text) for a paragraph whose base direction is left to right.
 */
export function bidiLevels(characters: readonly string[]): number[] {
  const classes = characters.map(bidiClassOf);
  // W1: a combining mark takes the class of what it combines with.
  for (let index = 0; index < classes.length; index += 1) {
    if (classes[index] === 'NSM') classes[index] = index === 0 ? 'N' : (classes[index - 1] ?? 'N');
  }
  // W2/W7: numbers after left-to-right text (or at the start) are simply left to right.
  let lastStrong: 'L' | 'R' = 'L';
  for (let index = 0; index < classes.length; index += 1) {
    const kind = classes[index];
    if (kind === 'L' || kind === 'R') lastStrong = kind;
    else if (kind === 'EN' && lastStrong === 'L') classes[index] = 'L';
  }
  // N1/N2: neutrals between two right-to-left sides (numbers count as right to left here) go
  // right to left; any other neutral takes the paragraph direction.
  const direction = (kind: BidiClass | undefined): 'L' | 'R' | null =>
    kind === 'L' ? 'L' : kind === 'R' || kind === 'EN' ? 'R' : null;
  let index = 0;
  while (index < classes.length) {
    if (classes[index] !== 'N') {
      index += 1;
      continue;
    }
    let end = index;
    while (end < classes.length && classes[end] === 'N') end += 1;
    const before = index === 0 ? 'L' : direction(classes[index - 1]);
    const after = end === classes.length ? 'L' : direction(classes[end]);
    const resolved = before === 'R' && after === 'R' ? 'R' : 'L';
    for (let fill = index; fill < end; fill += 1) classes[fill] = resolved;
    index = end;
  }
  return classes.map((kind) => (kind === 'R' ? 1 : kind === 'EN' ? 2 : 0));
}

/**
 * Rule L2: from the highest level down to 1, reverse every maximal sequence of items at
 * that level or above. Items are runs of one level each; returns them in visual order.
 */
export function visualOrder<T extends { level: number }>(items: readonly T[]): T[] {
  const ordered = [...items];
  const highest = Math.max(0, ...ordered.map((item) => item.level));
  for (let level = highest; level >= 1; level -= 1) {
    let start = 0;
    while (start < ordered.length) {
      if ((ordered[start]?.level ?? 0) < level) {
        start += 1;
        continue;
      }
      let end = start;
      while (end < ordered.length && (ordered[end]?.level ?? 0) >= level) end += 1;
      const reversed = ordered.slice(start, end).reverse();
      ordered.splice(start, end - start, ...reversed);
      start = end;
    }
  }
  return ordered;
}
