import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { Decimal } from './quantity';

/**
 * The reading level of a consent text, shown to the administrator as they write it. Published
 * reviews of clinics' consent forms find them written well above what patients read easily;
 * patient-facing documents aim at US school grade 6–8. The grade is the Flesch–Kincaid grade
 * level (1975), with syllables counted by a kept library rather than by a rule of our own.
 */
export interface ReadingLevel {
  /** One decimal, as text ("8.4"), so a float artefact never shows. */
  grade: string;
  words: number;
  sentences: number;
}

/** Letters or digits, with inner apostrophes or hyphens ("don’t", "follow-up") kept in one word. */
const wordPattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** A line starting with "# " is a heading (see consentDocumentContentSchema): not prose the patient reads as sentences. */
function isHeading(line: string): boolean {
  return /^\s*# /.test(line);
}

function wordsOf(text: string): string[] {
  return text.match(wordPattern) ?? [];
}

export function readingLevel(text: string): ReadingLevel | null {
  const prose = text
    .split(/\r\n|\r|\n/)
    .filter((line) => !isHeading(line))
    .join('\n');
  // A sentence ends at . ! ? or at a line break: list items and lines without a full stop
  // ("- nausea", "- dizziness") are read one at a time, not as one endless sentence.
  const sentences = prose.split(/[.!?…]+|\n/).filter((part) => wordsOf(part).length > 0).length;
  const words = wordsOf(prose);
  if (words.length === 0 || sentences === 0) return null;
  // A number has no vowels for the library to count, but is read aloud with at least one syllable.
  const syllables = words.reduce((total, word) => total + Math.max(1, syllable(word)), 0);
  const raw = fleschKincaid({ sentence: sentences, word: words.length, syllable: syllables });
  // The formula runs below zero for the shortest words and sentences; there is no grade below 0.
  const grade = Decimal.max(0, new Decimal(raw)).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1);
  return { grade, words: words.length, sentences };
}
