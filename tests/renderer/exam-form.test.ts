import { createElement } from 'react';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { completeExam } from '../../src/cli/demo-clinical';
import { emptyExam } from '../../src/domain/exam';
import { starterScreeningItems } from '../../src/domain/formulary';
import { scaleItemName } from '../../src/domain/scale-items';
import { examContentFrom } from '../../src/renderer/features/exams/exam-form-content';
import type { ExamFormValues } from '../../src/renderer/features/exams/exam-form-values';
import { examFormValues, neverSaved } from '../../src/renderer/features/exams/exam-form-values';
import { ScalesSection } from '../../src/renderer/features/exams/ScalesSection';
import { fieldMessages } from '../../src/renderer/lib/field-messages';

/** The exam form's questionnaires, rendered as the browser gets them (no browser needed). */
function ScalesForm({ values }: { values: ExamFormValues }): ReactElement {
  const { register, setValue } = useForm<ExamFormValues>({ defaultValues: values });
  return createElement(ScalesSection, { register, setValue, values, messages: fieldMessages([]) });
}

function labelsOf(html: string): { forId: string; text: string }[] {
  return Array.from(html.matchAll(/<label[^>]*for="([^"]+)"[^>]*>(.*?)<\/label>/g), (match) => ({
    forId: match[1] ?? '',
    // What a screen reader names the control by: the text that is not hidden from it.
    text: (match[2] ?? '')
      .replace(/<span[^>]*aria-hidden="true"[^>]*>.*?<\/span>/g, '')
      .replace(/<[^>]+>/g, '')
      .trim(),
  }));
}

describe('the exam questionnaires', () => {
  const values = examFormValues(emptyExam(starterScreeningItems));
  const html = renderToStaticMarkup(createElement(ScalesForm, { values }));

  it('shows every item as published, named after its questionnaire, with no two selects named alike', () => {
    const items = labelsOf(html).filter((label) => /^exam-scales-(phq9|gad7|pcl5)-\d+$/.test(label.forId));
    expect(items).toHaveLength(9 + 7 + 20);
    expect(items[0]?.text).toBe('PHQ-9 item 1: Little interest or pleasure in doing things');
    expect(items.map((item) => item.text)).toContain(scaleItemName('gad7', 0));
    expect(items.map((item) => item.text)).toContain('PCL-5 item 20: Trouble falling or staying asleep?');
    expect(new Set(items.map((item) => item.text)).size).toBe(items.length);
    expect(html).not.toMatch(/>Item 1</);
    // The visible text carries the item's words, not only its number.
    expect(html).toContain('Feeling nervous, anxious or on edge');
  });

  it('gives each answer its words and each questionnaire its question', () => {
    expect(html).toContain('Over the last 2 weeks, how often have you been bothered by any of the following problems?');
    expect(html).toContain('In the past month, how much were you bothered by:');
    expect(html).toContain('<option value="0">0 Not at all</option>');
    expect(html).toContain('<option value="3">3 Nearly every day</option>');
    expect(html).toContain('<option value="1">1 A little bit</option>');
    expect(html).toContain('<option value="4">4 Extremely</option>');
  });
});

describe("a new exam draft's dates", () => {
  it("start at the clinic's today, for the exam and for the weight", () => {
    const values = examFormValues(emptyExam(starterScreeningItems), '2026-03-09');
    expect(values.examDate).toBe('09-Mar-2026');
    expect(values.weight.measuredOn).toBe('09-Mar-2026');
  });

  it('leave a draft already saved as it is, empty or not', () => {
    expect(examFormValues(emptyExam(starterScreeningItems)).examDate).toBe('');
    expect(examFormValues(emptyExam(starterScreeningItems)).weight.measuredOn).toBe('');
    const written = examFormValues(completeExam('2026-02-01'), '2026-03-09');
    expect(written.examDate).toBe('01-Feb-2026');
    expect(written.weight.measuredOn).toBe('01-Feb-2026');
  });

  it('are given only to a first version never saved', () => {
    const at = '2026-03-09T14:00:00.000Z';
    expect(neverSaved({ version: 1, createdAt: at, updatedAt: at })).toBe(true);
    expect(neverSaved({ version: 1, createdAt: at, updatedAt: '2026-03-09T14:01:00.000Z' })).toBe(false);
    expect(neverSaved({ version: 2, createdAt: at, updatedAt: at })).toBe(false);
  });

  it('save the exam date, while the weight date alone is neither a weight nor an error', () => {
    const values = examFormValues(emptyExam(starterScreeningItems), '2026-03-09');
    const { content, issues } = examContentFrom(values, undefined);
    expect(content.examDate).toBe('2026-03-09');
    expect(content.weight).toBeNull();
    expect(issues).toEqual([]);
    const typed = { ...values, weight: { ...values.weight, value: '72.4', source: 'measured' as const } };
    expect(examContentFrom(typed, undefined).content.weight).toEqual({
      value: '72.4',
      unit: 'kg',
      measuredOn: '2026-03-09',
      source: 'measured',
    });
  });
});
