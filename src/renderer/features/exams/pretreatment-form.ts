import { z } from 'zod';
import type { FieldIssue } from '../../../contract/errors';
import type { ExamContent } from '../../../domain/exam';
import type { PretreatmentRequirements } from '../../../domain/pretreatment-requirements';
import {
  pretreatmentGaps,
  pretreatmentRequirementProblems,
  pretreatmentStatus,
} from '../../../domain/pretreatment-requirements';
import type { ExamPretreatment, PretreatmentResult, PretreatmentValue } from '../../../domain/pretreatment-results';
import {
  drugClassIds,
  ecgInterpretations,
  pretreatmentKinds,
  pretreatmentNumberSchemas,
} from '../../../domain/pretreatment-results';
import { stopBangQuestionIds } from '../../../domain/stop-bang';
import { formatDate } from '../../../domain/time';
import { parseDate, parseDecimal, parseWhole } from '../../lib/parse-fields';

/**
 * The pre-treatment results as typed: one row per result, its kind's fields as text in
 * `fields` (numbers and dates stay as typed until they read).
 */
export const pretreatmentRowSchema = z.object({
  id: z.string(),
  kind: z.enum([...pretreatmentKinds, 'clinic-item']),
  takenOn: z.string(),
  sourceType: z.enum(['in-house', 'outside']),
  reference: z.string(),
  note: z.string(),
  // Kept as the server stamped them, so the saved content reads back unchanged.
  recordedBy: z.object({ userId: z.number(), printedName: z.string() }).optional(),
  recordedAt: z.string().optional(),
  fields: z.record(z.string(), z.string()),
});
export type PretreatmentRow = z.infer<typeof pretreatmentRowSchema>;
export type PretreatmentRowKind = PretreatmentRow['kind'];

export const pretreatmentFormSchema = z
  .object({
    results: z.array(pretreatmentRowSchema),
    reason: z.string(),
    /** The gaps the stored reason answers: kept while the clinic's requirements are loading. */
    problems: z.array(z.string()),
  })
  // A local copy kept before results existed restores with none.
  .default({ results: [], reason: '', problems: [] });
export type PretreatmentForm = z.infer<typeof pretreatmentFormSchema>;

const blank = (keys: readonly string[], value = '') => Object.fromEntries(keys.map((key) => [key, value]));

export function blankFields(
  kind: PretreatmentRowKind,
  item?: { itemId: string; label: string },
): Record<string, string> {
  switch (kind) {
    case 'ecg':
      return blank(['rhythm', 'rateBpm', 'qtcMs', 'interpretation', 'text']);
    case 'liver':
      return blank(['altUPerL', 'astUPerL', 'bilirubinMgPerDl']);
    case 'kidney':
      return blank(['creatinineMgPerDl', 'egfrMlMin173m2']);
    case 'pregnancy':
      return blank(['result', 'method']);
    case 'urine-drug-screen':
      return blank(drugClassIds, 'not-tested');
    case 'stop-bang':
      return blank(stopBangQuestionIds);
    case 'clinic-item':
      return { itemId: item?.itemId ?? '', label: item?.label ?? '', result: '' };
  }
}

/** A new row: an id unique in the exam (and short enough for a FHIR id), in-house, undated. */
export function blankPretreatmentRow(
  kind: PretreatmentRowKind,
  item?: { itemId: string; label: string },
): PretreatmentRow {
  return {
    id: crypto.randomUUID(),
    kind,
    takenOn: '',
    sourceType: 'in-house',
    reference: '',
    note: '',
    fields: blankFields(kind, item),
  };
}

const text = (value: string | number | null) => (value === null ? '' : String(value));

function fieldsOf(value: PretreatmentValue): Record<string, string> {
  switch (value.kind) {
    case 'urine-drug-screen':
      return { ...value.classes };
    case 'stop-bang':
      return Object.fromEntries(stopBangQuestionIds.map((id) => [id, value.answers[id] ?? '']));
    default:
      // Every other kind holds only text, numbers and nulls besides its kind.
      return Object.fromEntries(
        Object.entries(value)
          .filter(([key]) => key !== 'kind')
          .map(([key, field]) => [key, text(field)]),
      );
  }
}

export function pretreatmentFormValues(pretreatment: ExamPretreatment | undefined): PretreatmentForm {
  return {
    results: (pretreatment?.results ?? []).map((result) => ({
      id: result.id,
      kind: result.value.kind,
      takenOn: result.takenOn === null ? '' : formatDate(result.takenOn),
      sourceType: result.source.type,
      reference: result.source.type === 'outside' ? result.source.reference : '',
      note: result.note,
      ...(result.recordedBy === undefined ? {} : { recordedBy: result.recordedBy }),
      ...(result.recordedAt === undefined ? {} : { recordedAt: result.recordedAt }),
      fields: fieldsOf(result.value),
    })),
    reason: pretreatment?.acknowledgement?.reason ?? '',
    problems: pretreatment?.acknowledgement?.problems ?? [],
  };
}

function valueOf(row: PretreatmentRow, at: string, issues: FieldIssue[]): PretreatmentValue {
  const field = (key: string) => row.fields[key] ?? '';
  const whole = (key: 'rateBpm' | 'qtcMs') =>
    parseWhole(field(key), pretreatmentNumberSchemas[key], `${at}.${key}`, issues);
  const decimal = (key: 'altUPerL' | 'astUPerL' | 'bilirubinMgPerDl' | 'creatinineMgPerDl' | 'egfrMlMin173m2') =>
    parseDecimal(field(key), pretreatmentNumberSchemas[key], `${at}.${key}`, issues);
  const choice = <T extends string>(key: string, options: readonly T[]): T | null =>
    (options as readonly string[]).includes(field(key)) ? (field(key) as T) : null;
  switch (row.kind) {
    case 'ecg':
      return {
        kind: 'ecg',
        rhythm: field('rhythm'),
        rateBpm: whole('rateBpm'),
        qtcMs: whole('qtcMs'),
        interpretation: choice('interpretation', ecgInterpretations),
        text: field('text'),
      };
    case 'liver':
      return {
        kind: 'liver',
        altUPerL: decimal('altUPerL'),
        astUPerL: decimal('astUPerL'),
        bilirubinMgPerDl: decimal('bilirubinMgPerDl'),
      };
    case 'kidney':
      return {
        kind: 'kidney',
        creatinineMgPerDl: decimal('creatinineMgPerDl'),
        egfrMlMin173m2: decimal('egfrMlMin173m2'),
      };
    case 'pregnancy':
      return {
        kind: 'pregnancy',
        result: choice('result', ['negative', 'positive', 'not-applicable'] as const),
        method: choice('method', ['urine', 'serum'] as const),
      };
    case 'urine-drug-screen':
      return {
        kind: 'urine-drug-screen',
        classes: Object.fromEntries(
          drugClassIds.map((id) => [id, choice(id, ['negative', 'positive', 'not-tested'] as const) ?? 'not-tested']),
        ) as Extract<PretreatmentValue, { kind: 'urine-drug-screen' }>['classes'],
      };
    case 'stop-bang':
      return {
        kind: 'stop-bang',
        answers: Object.fromEntries(
          stopBangQuestionIds.map((id) => [id, choice(id, ['yes', 'no'] as const)]),
        ) as Extract<PretreatmentValue, { kind: 'stop-bang' }>['answers'],
      };
    case 'clinic-item':
      return { kind: 'clinic-item', itemId: field('itemId'), label: field('label'), result: field('result') };
  }
}

/**
 * The exam's `pretreatment` from what is typed, or nothing when there is nothing to store (so
 * an exam without results saves as before). The reason is stored with the gaps it answers,
 * worked out with the clinic's requirements as loaded.
 */
export function pretreatmentContent(
  form: PretreatmentForm,
  exam: Pick<ExamContent, 'examDate' | 'indication'>,
  /** null while loading: the reason then keeps the gaps it was stored with. */
  requirements: PretreatmentRequirements | undefined | null,
  issues: FieldIssue[],
): { pretreatment?: ExamPretreatment } {
  const results = form.results.map((row, index): PretreatmentResult => {
    const at = `pretreatment.results.${index}`;
    return {
      id: row.id,
      takenOn: parseDate(row.takenOn, `${at}.takenOn`, issues),
      source: row.sourceType === 'outside' ? { type: 'outside', reference: row.reference } : { type: 'in-house' },
      ...(row.recordedBy === undefined ? {} : { recordedBy: row.recordedBy }),
      ...(row.recordedAt === undefined ? {} : { recordedAt: row.recordedAt }),
      note: row.note,
      value: valueOf(row, `${at}.value`, issues),
    };
  });
  if (results.length === 0 && form.reason.trim() === '') return {};
  const gaps =
    requirements === null
      ? form.problems
      : exam.examDate === null
        ? []
        : pretreatmentGaps(pretreatmentStatus(requirements, results, exam.indication.icd10, exam.examDate));
  const acknowledgement = form.reason.trim() === '' ? undefined : { reason: form.reason, problems: gaps };
  return { pretreatment: { results, ...(acknowledgement === undefined ? {} : { acknowledgement }) } };
}

/** What signing needs about the clinic's requirements, as the summary above the form lists it. */
export function pretreatmentFormProblems(
  content: ExamContent,
  requirements: PretreatmentRequirements | undefined | null,
): FieldIssue[] {
  if (content.examDate === null || requirements === null) return [];
  const statuses = pretreatmentStatus(
    requirements,
    content.pretreatment?.results ?? [],
    content.indication.icd10,
    content.examDate,
  );
  return pretreatmentRequirementProblems(pretreatmentGaps(statuses), content.pretreatment?.acknowledgement);
}
