import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import type { SessionConfigurationContent } from '../../src/domain/session-configuration';
import {
  sessionConfigurationChanges,
  sessionConfigurationContentSchema,
  starterSessionConfiguration,
} from '../../src/domain/session-configuration';
import { fieldMessages } from '../../src/renderer/lib/field-messages';
import { InfusionMonitoringFieldset } from '../../src/renderer/features/clinic/InfusionMonitoringFieldset';
import type { SessionConfigurationFormValues } from '../../src/renderer/features/clinic/session-configuration-form-values';
import {
  sessionConfigurationFormValues,
  sessionConfigurationFormValuesSchema,
  sessionConfigurationFrom,
} from '../../src/renderer/features/clinic/session-configuration-form-values';

function Fieldset({ values }: { values: SessionConfigurationFormValues }) {
  const { register } = useForm<SessionConfigurationFormValues>({ defaultValues: values });
  return createElement(InfusionMonitoringFieldset, { register, messages: fieldMessages([]) });
}
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const configured: SessionConfigurationContent = {
  ...starterSessionConfiguration,
  requiredMonitoring: { items: ['pulseOximetry', 'capnography'], recoveryCheckIntervalMin: 15 },
  dischargeInstructions: { text: 'Do not drive today.\n\nCall us if unwell.', version: 'Rev. 1' },
};

describe('monitoring, recovery checks and discharge instructions on the session settings (issue 22 point 5)', () => {
  it('requires nothing and writes nothing until the clinic does: stored settings without them still parse', () => {
    expect(sessionConfigurationContentSchema.parse(starterSessionConfiguration)).not.toHaveProperty(
      'requiredMonitoring',
    );
    const { content, issues } = sessionConfigurationFrom(sessionConfigurationFormValues(starterSessionConfiguration));
    expect(issues).toEqual([]);
    expect(content).not.toHaveProperty('requiredMonitoring');
    expect(content).not.toHaveProperty('dischargeInstructions');
    const html = text(
      renderToStaticMarkup(
        createElement(Fieldset, { values: sessionConfigurationFormValues(starterSessionConfiguration) }),
      ),
    );
    expect(html).toContain('None is required until you tick it');
    expect(html).toContain('Capnography (EtCO2)');
    expect(html).toContain('Written discharge instructions');
  });

  it('saves what the clinic ticked and wrote, as it wrote it, and audits the change', () => {
    const values = sessionConfigurationFormValues(configured);
    expect(values.infusionMonitoring.required).toMatchObject({ pulseOximetry: true, capnography: true, ecg: false });
    const { content, issues } = sessionConfigurationFrom(values);
    expect(issues).toEqual([]);
    expect(content.requiredMonitoring).toEqual(configured.requiredMonitoring);
    expect(content.dischargeInstructions).toEqual(configured.dischargeInstructions);
    expect(sessionConfigurationChanges(starterSessionConfiguration, content).map((change) => change.path)).toEqual([
      'requiredMonitoring',
      'dischargeInstructions',
    ]);
  });

  it('refuses a recovery interval that is not whole minutes, next to its field', () => {
    const values = sessionConfigurationFormValues(configured);
    values.infusionMonitoring.recoveryIntervalMin = '7.5';
    const { issues } = sessionConfigurationFrom(values);
    expect(issues.map((issue) => issue.path)).toEqual(['infusionMonitoring.recoveryIntervalMin']);
    expect(issues[0]?.message).toBe('Enter whole minutes');
  });

  it('restores a local copy saved before these settings existed, with none', () => {
    const old = {
      ...sessionConfigurationFormValues(starterSessionConfiguration),
    } as Partial<SessionConfigurationFormValues>;
    delete old.infusionMonitoring;
    const parsed = sessionConfigurationFormValuesSchema.parse(old);
    expect(parsed.infusionMonitoring).toEqual({
      required: {},
      recoveryIntervalMin: '',
      instructionsText: '',
      instructionsVersion: '',
    });
  });
});
