import { describe, expect, it } from 'vitest';
import { starterScreeningItems } from '../../src/domain/formulary';
import { scaleAnswerText, scaleItemName, scaleItemText, scaleWording } from '../../src/domain/scale-items';
import { scaleDefinitions, scaleIds } from '../../src/domain/scales';

describe('the questionnaires as published', () => {
  it.each(scaleIds)('%s has a text for every item and words for every score', (scale) => {
    const { items, maxItemScore } = scaleDefinitions[scale];
    expect(scaleWording[scale].items).toHaveLength(items);
    expect(scaleWording[scale].answers).toHaveLength(maxItemScore + 1);
    for (const text of scaleWording[scale].items) expect(text.trim()).not.toBe('');
    expect(() => scaleItemText(scale, items)).toThrow(RangeError);
    expect(() => scaleAnswerText(scale, maxItemScore + 1)).toThrow(RangeError);
  });

  it('words the items and answers exactly as published', () => {
    expect(scaleWording.phq9.stem).toBe(
      'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    );
    expect(scaleWording.gad7.stem).toMatch(/^Over the last 2 weeks, how often have you been bothered by/);
    expect(scaleWording.pcl5.stem).toBe('In the past month, how much were you bothered by:');
    expect(scaleItemText('phq9', 0)).toBe('Little interest or pleasure in doing things');
    expect(scaleItemText('phq9', 8)).toBe(
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    );
    expect(scaleItemText('gad7', 1)).toBe('Not being able to stop or control worrying');
    expect(scaleItemText('pcl5', 0)).toBe('Repeated, disturbing, and unwanted memories of the stressful experience?');
    expect(scaleItemText('pcl5', 19)).toBe('Trouble falling or staying asleep?');
    expect(scaleWording.phq9.answers).toEqual([
      'Not at all',
      'Several days',
      'More than half the days',
      'Nearly every day',
    ]);
    expect(scaleWording.gad7.answers).toEqual(scaleWording.phq9.answers);
    expect(scaleWording.pcl5.answers).toEqual(['Not at all', 'A little bit', 'Moderately', 'Quite a bit', 'Extremely']);
    expect(scaleAnswerText('phq9', 2)).toBe('2 More than half the days');
    expect(scaleAnswerText('pcl5', 4)).toBe('4 Extremely');
  });

  it('names every item uniquely across the three questionnaires', () => {
    expect(scaleItemName('phq9', 0)).toBe('PHQ-9 item 1: Little interest or pleasure in doing things');
    const names = scaleIds.flatMap((scale) => scaleWording[scale].items.map((_, index) => scaleItemName(scale, index)));
    expect(names).toHaveLength(9 + 7 + 20);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the starter screening checklist', () => {
  it('asks questions whose "Yes" is the answer that needs attention, with no double negatives', () => {
    expect(starterScreeningItems.map((item) => item.label)).toEqual([
      "Is the patient's blood pressure uncontrolled today?",
      'Does the patient have active psychosis or mania?',
      'Is the patient pregnant, or possibly pregnant?',
      'Does the patient have a known hypersensitivity to ketamine?',
      'Has the patient eaten or drunk when told to fast?',
      'Is the patient going home after the infusion without an escort?',
    ]);
    for (const { label } of starterScreeningItems) {
      expect(label).toMatch(/^(Is|Does|Has) .+\?$/);
      expect(label).not.toMatch(/^(No|Not) /);
    }
  });
});
