import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import type { ResponseDefinition } from '../../src/domain/response-definitions';
import { starterSessionConfiguration } from '../../src/domain/session-configuration';
import { fieldMessages } from '../../src/renderer/lib/field-messages';
import { ResponseDefinitionsFieldset } from '../../src/renderer/features/clinic/ResponseDefinitionsFieldset';
import { blankResponseDefinition } from '../../src/renderer/features/clinic/response-definitions-form';
import type { SessionConfigurationFormValues } from '../../src/renderer/features/clinic/session-configuration-form-values';
import {
  sessionConfigurationFormValues,
  sessionConfigurationFormValuesSchema,
  sessionConfigurationFrom,
} from '../../src/renderer/features/clinic/session-configuration-form-values';

const definitions: ResponseDefinition[] = [
  { id: 'response', label: 'Response', scale: 'phq9', rule: { type: 'percent-drop', percent: '50' }, retired: false },
  { id: 'remission', label: 'Remission', scale: 'phq9', rule: { type: 'below', value: 5 }, retired: true },
  { id: 'pain', label: 'Pain response', scale: 'painNrs', rule: { type: 'points-drop', points: 3 }, retired: false },
];

function Fieldset({ values }: { values: SessionConfigurationFormValues }) {
  const { control, register } = useForm<SessionConfigurationFormValues>({ defaultValues: values });
  return createElement(ResponseDefinitionsFieldset, { control, register, messages: fieldMessages([]) });
}
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the clinic’s response definitions on the session settings form', () => {
  it('ships none: the examples are words in the hint, never values', () => {
    const values = sessionConfigurationFormValues(starterSessionConfiguration);
    expect(values.responseDefinitions).toEqual([]);
    const html = renderToStaticMarkup(createElement(Fieldset, { values }));
    expect(text(html)).toContain('No response definitions.');
    expect(text(html)).toContain('For example: “Response”, PHQ-9, down at least 50%');
    expect(html).not.toMatch(/value="50"/);
    // Saved untouched, the configuration stores no definitions at all, as before they existed.
    const { content, issues } = sessionConfigurationFrom(values);
    expect(issues).toEqual([]);
    expect('responseDefinitions' in content).toBe(false);
  });

  it('saves what the clinic typed, keeps codes, and gives a new definition one from its name', () => {
    const values = sessionConfigurationFormValues({ ...starterSessionConfiguration, responseDefinitions: definitions });
    const html = renderToStaticMarkup(createElement(Fieldset, { values }));
    // The figure's label follows the rule chosen (react-hook-form fills the values in the browser).
    expect(text(html)).toContain('Definition 1: Per cent (%)');
    expect(text(html)).toContain('Definition 2: Score');
    expect(text(html)).toContain('Definition 3: Points');
    expect(sessionConfigurationFrom(values).content.responseDefinitions).toEqual(definitions);
    const added = {
      ...values,
      responseDefinitions: [
        ...values.responseDefinitions,
        { ...blankResponseDefinition, label: 'GAD-7 response', scale: 'gad7', ruleType: 'percent-drop', amount: '50' },
      ],
    };
    const { content, issues } = sessionConfigurationFrom(added);
    expect(issues).toEqual([]);
    expect(content.responseDefinitions).toEqual([
      ...definitions,
      {
        id: 'gad-7-response',
        label: 'GAD-7 response',
        scale: 'gad7',
        rule: { type: 'percent-drop', percent: '50' },
        retired: false,
      },
    ]);
  });

  it('says in words, at the field, what is missing or out of range', () => {
    const values = sessionConfigurationFormValues(starterSessionConfiguration);
    const rows = [
      { ...blankResponseDefinition, label: 'Response' },
      { ...blankResponseDefinition, label: 'Remission', scale: 'phq9', ruleType: 'below', amount: '4.5' },
      { ...blankResponseDefinition, label: 'Big drop', scale: 'phq9', ruleType: 'percent-drop', amount: '150' },
    ];
    const { issues } = sessionConfigurationFrom({ ...values, responseDefinitions: rows });
    expect(issues).toEqual([
      { path: 'responseDefinitions.0.scale', message: 'Choose the scale' },
      { path: 'responseDefinitions.0.ruleType', message: 'Choose how the rule is judged' },
      { path: 'responseDefinitions.1.amount', message: 'Enter the score as a whole number' },
      { path: 'responseDefinitions.2.amount', message: 'The per cent must be above 0 and at most 100' },
    ]);
  });

  it('restores a copy typed in this window before definitions existed', () => {
    const older: Partial<SessionConfigurationFormValues> = sessionConfigurationFormValues(starterSessionConfiguration);
    delete older.responseDefinitions;
    expect(sessionConfigurationFormValuesSchema.parse(older).responseDefinitions).toEqual([]);
  });
});
