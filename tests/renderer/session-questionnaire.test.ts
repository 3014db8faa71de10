import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { scaleItemName } from '../../src/domain/scale-items';
import { QuestionnaireFieldset } from '../../src/renderer/features/sessions/QuestionnaireFieldset';

const registration = (name: string): UseFormRegisterReturn => ({
  name,
  onChange: () => Promise.resolve(),
  onBlur: () => Promise.resolve(),
  ref: () => undefined,
});

describe('a questionnaire before the infusion', () => {
  it('asks each item in its published words, with the answer labels, named apart from other questionnaires', () => {
    const html = renderToStaticMarkup(
      createElement(QuestionnaireFieldset, {
        prefix: 'checklist',
        scale: 'gad7',
        values: { included: true, items: Array.from({ length: 7 }, () => '') },
        included: registration('included'),
        item: (index: number) => registration(`items.${index}`),
        messages: new Map(),
      }),
    );
    expect(html).toContain('Over the last 2 weeks, how often have you been bothered by the following problems?');
    for (let index = 0; index < 7; index += 1) expect(html).toContain(`>${scaleItemName('gad7', index)}</label>`);
    expect(html).toContain('>3 Nearly every day</option>');
    expect(html).not.toMatch(/GAD-7 item \d<\/label>/);
  });
});
