import { z } from 'zod';
import type { FieldIssue } from '../../../contract/errors';
import type { SessionConfigurationContent } from '../../../domain/session-configuration';
import {
  newCriterionId,
  preSessionScalesSchema,
  sessionConfigurationContentSchema,
} from '../../../domain/session-configuration';
import {
  riskScreenContent,
  riskScreenFormPath,
  riskScreenFormValues,
  riskScreenFormValuesSchema,
} from './risk-screen-form';
import {
  pretreatmentRequirementsContent,
  pretreatmentRequirementsFormPath,
  pretreatmentRequirementsFormSchema,
  pretreatmentRequirementsFormValues,
} from './pretreatment-requirements-form';
import {
  responseDefinitionsContent,
  responseDefinitionsFormPath,
  responseDefinitionsFormSchema,
  responseDefinitionsFormValues,
} from './response-definitions-form';
import {
  infusionMonitoringContent,
  infusionMonitoringFormPath,
  infusionMonitoringFormSchema,
  infusionMonitoringFormValues,
} from './infusion-monitoring-form';

/**
 * The session settings as typed. A criterion's stable id is named `code` here, since
 * react-hook-form keeps `id` for its rows; a criterion added on this form has none yet.
 * Drafts kept in this window are checked against this schema before they are restored.
 */
const criterionValuesSchema = z.object({ code: z.string(), label: z.string(), retired: z.boolean() });
export type CriterionValues = z.infer<typeof criterionValuesSchema>;

export const sessionConfigurationFormValuesSchema = z.object({
  scales: preSessionScalesSchema,
  criteria: z.array(criterionValuesSchema),
  riskScreen: riskScreenFormValuesSchema,
  pretreatment: pretreatmentRequirementsFormSchema,
  responseDefinitions: responseDefinitionsFormSchema,
  infusionMonitoring: infusionMonitoringFormSchema,
});
export type SessionConfigurationFormValues = z.infer<typeof sessionConfigurationFormValuesSchema>;

export function sessionConfigurationFormValues(content: SessionConfigurationContent): SessionConfigurationFormValues {
  return {
    scales: { ...content.preSessionScales },
    criteria: content.dischargeCriteria.map((criterion) => ({
      code: criterion.itemId,
      label: criterion.label,
      retired: criterion.retired,
    })),
    riskScreen: riskScreenFormValues(content.riskScreen),
    pretreatment: pretreatmentRequirementsFormValues(content.pretreatmentRequirements),
    responseDefinitions: responseDefinitionsFormValues(content.responseDefinitions),
    infusionMonitoring: infusionMonitoringFormValues(content.requiredMonitoring, content.dischargeInstructions),
  };
}

/** What a row is called in messages: its place among the criteria in use, or "retired". */
export function criterionName(criteria: readonly CriterionValues[], index: number): string {
  const row = criteria[index];
  if (row === undefined) return 'Discharge criterion';
  if (row.retired) return `Retired criterion “${row.label.trim()}”`;
  const position = criteria.slice(0, index).filter((criterion) => !criterion.retired).length + 1;
  return `Discharge criterion ${position}`;
}

/** The schema's and the server's paths ("content.dischargeCriteria.2.label") as the form's. */
export function sessionConfigurationFormPath(path: string): string {
  return responseDefinitionsFormPath(
    pretreatmentRequirementsFormPath(riskScreenFormPath(infusionMonitoringFormPath(path.replace(/^content\.?/, '')))),
  )
    .replace(/^dischargeCriteria(\.\d+)\.itemId$/, 'criteria$1.label')
    .replace(/^dischargeCriteria/, 'criteria')
    .replace(/^preSessionScales/, 'scales');
}

/**
 * The configuration to save, with a code made for each new criterion (from its wording,
 * unique among every code ever used, retired ones included), and every problem found.
 */
export function sessionConfigurationFrom(values: SessionConfigurationFormValues): {
  content: SessionConfigurationContent;
  issues: FieldIssue[];
} {
  const taken = new Set(values.criteria.map((criterion) => criterion.code).filter((code) => code !== ''));
  const content: SessionConfigurationContent = {
    preSessionScales: { ...values.scales },
    dischargeCriteria: values.criteria.map((criterion) => {
      let itemId = criterion.code;
      if (itemId === '') {
        itemId = newCriterionId(criterion.label, taken);
        taken.add(itemId);
      }
      return { itemId, label: criterion.label.trim(), retired: criterion.retired };
    }),
    ...riskScreenContent(values.riskScreen),
    ...pretreatmentRequirementsContent(values.pretreatment),
    ...responseDefinitionsContent(values.responseDefinitions),
    ...infusionMonitoringContent(values.infusionMonitoring),
  };
  const parsed = sessionConfigurationContentSchema.safeParse(content);
  if (parsed.success) return { content: parsed.data, issues: [] };
  const issues: FieldIssue[] = [];
  for (const issue of parsed.error.issues) {
    const path = sessionConfigurationFormPath(issue.path.map(String).join('.'));
    if (!issues.some((known) => known.path === path)) issues.push({ path, message: issue.message });
  }
  return { content, issues };
}
