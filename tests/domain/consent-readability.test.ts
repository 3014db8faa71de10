import { describe, expect, it } from 'vitest';
import { readingLevel } from '../../src/domain/consent-readability';

const plain = 'You may stop at any time. Tell the nurse if you feel sick. We check your blood pressure.';
const longWinded =
  'The administration of intravenous ketamine constitutes an off-label therapeutic intervention, ' +
  'the potential adverse consequences of which, including dissociative phenomena, transient hypertension, ' +
  'gastrointestinal disturbance and, following prolonged administration, hepatic and urological complications, ' +
  'have been comprehensively explained to the undersigned individual.';

describe('the reading level of a consent text', () => {
  it('reads plain short sentences at a low grade, and long-winded ones far higher', () => {
    const simple = readingLevel(plain);
    const hard = readingLevel(longWinded);
    expect(simple).toMatchObject({ words: 18, sentences: 3 });
    expect(Number(simple?.grade)).toBeLessThan(6);
    expect(hard?.sentences).toBe(1);
    expect(Number(hard?.grade)).toBeGreaterThan(20);
  });

  it('gives the Flesch–Kincaid grade with one decimal, as text', () => {
    // 10 words, 1 sentence, 15 syllables: 0.39 × 10 + 11.8 × 1.5 − 15.59 = 6.01.
    const level = readingLevel('Please tell the nurse about any medicine you are taking.');
    expect(level).toEqual({ grade: '6.0', words: 10, sentences: 1 });
  });

  it('has no level for an empty text, or for headings alone', () => {
    expect(readingLevel('')).toBeNull();
    expect(readingLevel('  \n\n ')).toBeNull();
    expect(readingLevel('# Risks\n\n# Alternatives\n\n')).toBeNull();
  });

  it('ignores heading lines: a heading adds no words and no sentence', () => {
    const withHeadings = `# What the drug is and is not approved for\n\n${plain}\n\n# Your right to withdraw\n`;
    expect(readingLevel(withHeadings)).toEqual(readingLevel(plain));
  });

  it('ends a sentence at a line break, so a list is not read as one long sentence', () => {
    expect(readingLevel('You may feel\n- sick\n- dizzy\n- far away')?.sentences).toBe(4);
  });

  it('never shows a grade below 0', () => {
    expect(readingLevel('I go. We sit. It is ok.')?.grade).toBe('0.0');
  });
});
