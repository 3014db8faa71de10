import { z } from 'zod';
import type { FieldIssue } from '../../../../contract/errors';
import type { ConsentDocumentContent } from '../../../../domain/consent';
import { consentDocumentContentSchema } from '../../../../domain/consent';

/** A consent document as typed: lists and numbers as the text in their boxes. */
export interface ConsentDocumentValues {
  title: string;
  body: string;
  initialPoints: { id: string; text: string }[];
  /** ICD-10 codes or their starts, separated by commas; empty: every indication. */
  indicationCodes: string;
  /** Whole months; empty: valid until withdrawn or renewed. */
  validMonths: string;
  renewForNewSeries: boolean;
  renewForNewText: boolean;
  witnessRequired: boolean;
  reason: string;
}

/** The shape of a draft kept in this tab: one from an older build of the form is dropped, not trusted. */
export const consentDocumentValuesSchema = z.object({
  title: z.string(),
  body: z.string(),
  initialPoints: z.array(z.object({ id: z.string(), text: z.string() })),
  indicationCodes: z.string(),
  validMonths: z.string(),
  renewForNewSeries: z.boolean(),
  renewForNewText: z.boolean(),
  witnessRequired: z.boolean(),
  reason: z.string(),
}) satisfies z.ZodType<ConsentDocumentValues>;

const idMaxLength = 40;

export function valuesFromContent(content: ConsentDocumentContent): ConsentDocumentValues {
  return {
    title: content.title,
    body: content.body,
    initialPoints: content.initialPoints.map((point) => ({ ...point })),
    indicationCodes: content.indicationCodes.join(', '),
    validMonths: content.validMonths === null ? '' : String(content.validMonths),
    renewForNewSeries: content.renewForNewSeries,
    renewForNewText: content.renewForNewText,
    witnessRequired: content.witnessRequired,
    reason: '',
  };
}

/**
 * A point's ID made from its text: kebab-case ASCII ("I will not drive" → "i-will-not-drive"),
 * at most 40 characters, with "-2", "-3"… where another point already has it. Text with no
 * Latin letter or digit gets "point-N" (its place in the list).
 */
export function pointIdFrom(text: string, taken: ReadonlySet<string>, position: number): string {
  const base =
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, idMaxLength - 3)
      .replace(/-+$/, '') || `point-${position}`;
  let id = base;
  for (let suffix = 2; taken.has(id); suffix += 1) id = `${base}-${suffix}`;
  return id;
}

/** Every point with an ID: the ones typed (or kept from the earlier version) stay; empty ones are made from the text. */
export function withPointIds(points: readonly { id: string; text: string }[]): { id: string; text: string }[] {
  const taken = new Set(points.map((point) => point.id.trim()).filter((id) => id !== ''));
  return points.map((point, index) => {
    const typed = point.id.trim();
    if (typed !== '') return { id: typed, text: point.text };
    const id = pointIdFrom(point.text, taken, index + 1);
    taken.add(id);
    return { id, text: point.text };
  });
}

/** The form path of a schema or server issue ("content.indicationCodes.2" → "indicationCodes"). */
export function formPathOf(path: string): string {
  const inForm = path.replace(/^content\.?/, '');
  if (/^indicationCodes(\.|$)/.test(inForm)) return 'indicationCodes';
  return inForm;
}

/**
 * What the form sends, or the problems to show beside the fields: the domain schema's own
 * words, with the typed code named where a code is refused.
 */
export function documentFromValues(values: ConsentDocumentValues): {
  input: { content: ConsentDocumentContent; reason: string } | null;
  issues: FieldIssue[];
} {
  const issues: FieldIssue[] = [];
  const months = values.validMonths.trim();
  if (months !== '' && !/^\d+$/.test(months)) {
    issues.push({ path: 'validMonths', message: 'Enter whole months, such as 12, or leave it empty' });
  }
  const codes = values.indicationCodes
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
  const parsed = consentDocumentContentSchema.safeParse({
    title: values.title,
    body: values.body,
    initialPoints: withPointIds(values.initialPoints),
    indicationCodes: codes,
    validMonths: months === '' || issues.length > 0 ? null : Number(months),
    renewForNewSeries: values.renewForNewSeries,
    renewForNewText: values.renewForNewText,
    witnessRequired: values.witnessRequired,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, index] = issue.path;
      const code = field === 'indicationCodes' && typeof index === 'number' ? codes[index] : undefined;
      issues.push({
        path: formPathOf(issue.path.join('.')),
        message: code === undefined ? issue.message : `“${code}”: ${issue.message}`,
      });
    }
  }
  const reason = values.reason.trim();
  if (reason === '') issues.push({ path: 'reason', message: 'Enter the reason for this version' });
  else if (reason.length > 1000) issues.push({ path: 'reason', message: 'Use at most 1,000 characters' });
  if (issues.length > 0 || !parsed.success) return { input: null, issues };
  return { input: { content: parsed.data, reason }, issues };
}
