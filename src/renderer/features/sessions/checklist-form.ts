import type { FieldIssue } from '../../../contract/errors';
import type { Checklist } from '../../../domain/infusion-session';
import { checklistSchema } from '../../../domain/infusion-session';
import type { ScaleId } from '../../../domain/scales';
import type { Monitoring } from '../../../domain/session-monitoring';
import { noMonitoring } from '../../../domain/session-monitoring';
import type { PreSessionScaleId } from '../../../domain/session-configuration';
import { blankItems, scaleDefinitions } from '../../../domain/scales';
import { parseWhole } from '../../lib/parse-fields';
import type { VitalsFormValues } from './vitals-form';
import { coreVitals, vitalsFormValues, vitalsFrom } from './vitals-form';

/** A questionnaire the clinic may do before the infusion: ticked to include, then every item. */
export interface QuestionnaireValues {
  included: boolean;
  items: string[];
}

/** The pre-infusion checklist as typed. */
export interface ChecklistFormValues {
  identityConfirmed: boolean;
  escortPresent: '' | 'yes' | 'no';
  escortName: string;
  fasting: '' | Checklist['fasting'];
  fastingNote: string;
  changesSinceLastVisit: string;
  ivSite: string;
  ivGauge: string;
  vitals: VitalsFormValues;
  scales: Record<ScaleId, QuestionnaireValues> & { painNrs: string };
  /** Optional: a draft saved before monitoring was asked has none (read as nothing ticked). */
  monitoring?: Monitoring;
}

const text = (value: number | null) => (value === null ? '' : String(value));

export function checklistFormValues(checklist: Checklist | null): ChecklistFormValues {
  const questionnaire = (scale: ScaleId): QuestionnaireValues => {
    const items = checklist?.scales[scale] ?? null;
    return { included: items !== null, items: (items ?? blankItems(scale)).map(text) };
  };
  return {
    identityConfirmed: checklist?.identityConfirmed ?? false,
    escortPresent: checklist === null ? '' : checklist.escortPresent ? 'yes' : 'no',
    escortName: checklist?.escortName ?? '',
    fasting: checklist?.fasting ?? '',
    fastingNote: checklist?.fastingNote ?? '',
    changesSinceLastVisit: checklist?.changesSinceLastVisit ?? '',
    ivSite: checklist?.ivSite ?? '',
    ivGauge: text(checklist?.ivGauge ?? null),
    vitals: vitalsFormValues(checklist?.vitals ?? null),
    scales: {
      phq9: questionnaire('phq9'),
      gad7: questionnaire('gad7'),
      pcl5: questionnaire('pcl5'),
      painNrs: text(checklist?.scales.painNrs ?? null),
    },
    monitoring: { ...noMonitoring, ...checklist?.monitoring },
  };
}

/** The scales this checklist shows (what the clinic asks), and whether pain must be scored. */
export interface ChecklistScales {
  shown: ReadonlySet<PreSessionScaleId>;
  painRequired: boolean;
}

function itemsFrom(
  scale: ScaleId,
  values: QuestionnaireValues,
  shown: ChecklistScales['shown'],
  issues: FieldIssue[],
): (number | null)[] | null {
  if (!values.included || !shown.has(scale)) return null;
  const items = values.items.map((item) => (item === '' ? null : Number(item)));
  const { name, items: count } = scaleDefinitions[scale];
  if (items.some((item) => item === null)) {
    issues.push({ path: `scales.${scale}`, message: `Answer all ${count} ${name} items, or untick ${name}` });
  }
  return items;
}

/** The checklist to record, or null with every problem noted; scales not shown are left out. */
export function checklistFrom(
  values: ChecklistFormValues,
  issues: FieldIssue[],
  scales: ChecklistScales,
): Checklist | null {
  const before = issues.length;
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) issues.push({ path, message });
  };
  need(values.identityConfirmed, 'identityConfirmed', 'Confirm the patient’s identity with two identifiers');
  need(values.escortPresent !== '', 'escortPresent', 'Say whether an escort is present');
  if (values.escortPresent === 'yes') need(values.escortName.trim() !== '', 'escortName', 'Enter the escort’s name');
  need(values.fasting !== '', 'fasting', 'Choose the fasting status');
  need(
    values.changesSinceLastVisit.trim() !== '',
    'changesSinceLastVisit',
    'Write what changed since the last visit, or “None”',
  );
  need(values.ivSite.trim() !== '', 'ivSite', 'Enter the IV site');
  need(values.ivGauge !== '', 'ivGauge', 'Choose the IV gauge');
  const ivGauge = parseWhole(values.ivGauge, checklistSchema.shape.ivGauge.nullable(), 'ivGauge', issues);
  const vitals = vitalsFrom(values.vitals, 'vitals', issues, coreVitals);
  if (scales.painRequired) need(values.scales.painNrs !== '', 'scales.painNrs', 'Choose the pain score now (0–10)');
  const painNrs = scales.shown.has('painNrs') && values.scales.painNrs !== '' ? Number(values.scales.painNrs) : null;
  const phq9 = itemsFrom('phq9', values.scales.phq9, scales.shown, issues);
  const gad7 = itemsFrom('gad7', values.scales.gad7, scales.shown, issues);
  const pcl5 = itemsFrom('pcl5', values.scales.pcl5, scales.shown, issues);
  if (issues.length > before || ivGauge === null || values.fasting === '') return null;
  return {
    identityConfirmed: true,
    escortPresent: values.escortPresent === 'yes',
    escortName: values.escortPresent === 'yes' ? values.escortName.trim() : '',
    fasting: values.fasting,
    fastingNote: values.fastingNote.trim(),
    changesSinceLastVisit: values.changesSinceLastVisit.trim(),
    ivSite: values.ivSite.trim(),
    ivGauge,
    vitals,
    scales: { phq9, gad7, pcl5, painNrs },
    monitoring: { ...noMonitoring, ...values.monitoring },
  };
}
