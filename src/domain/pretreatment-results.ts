import { z } from 'zod';
import { isoDateSchema } from './patient';
import { decimalSchema } from './quantity';
import { stopBangAnswersSchema, stopBangScore } from './stop-bang';

/**
 * Results checked before a course of treatment (ECG, labs, pregnancy test, drug screen,
 * STOP-BANG, and items the clinic adds), stored in the exam that relies on them. Each keeps
 * when it was taken, where it came from and who entered it, because a result is only as good
 * as its date and its source.
 */

export const pretreatmentKinds = ['ecg', 'liver', 'kidney', 'pregnancy', 'urine-drug-screen', 'stop-bang'] as const;
export type PretreatmentKind = (typeof pretreatmentKinds)[number];

export const pretreatmentKindLabels: Record<PretreatmentKind | 'clinic-item', string> = {
  ecg: 'ECG',
  liver: 'Liver tests',
  kidney: 'Kidney tests',
  pregnancy: 'Pregnancy test',
  'urine-drug-screen': 'Urine drug screen',
  'stop-bang': 'STOP-BANG',
  'clinic-item': 'Clinic item',
};

const text = (max: number) =>
  z
    .string()
    .max(max, `Use at most ${max} characters`)
    .transform((value) => value.normalize('NFC'));

const wholeOrNull = (what: string, max: number) =>
  z.number().int(`Enter the ${what} as a whole number`).min(0).max(max).nullable();

export const ecgInterpretations = ['normal', 'abnormal-not-significant', 'abnormal-significant'] as const;
export const ecgInterpretationLabels: Record<(typeof ecgInterpretations)[number], string> = {
  normal: 'Normal',
  'abnormal-not-significant': 'Abnormal, not clinically significant',
  'abnormal-significant': 'Abnormal, clinically significant',
};

export const drugClasses = {
  amphetamines: 'Amphetamines',
  barbiturates: 'Barbiturates',
  benzodiazepines: 'Benzodiazepines',
  cannabinoids: 'Cannabinoids',
  cocaine: 'Cocaine',
  methadone: 'Methadone',
  opiates: 'Opiates',
  oxycodone: 'Oxycodone',
  phencyclidine: 'Phencyclidine (PCP)',
  fentanyl: 'Fentanyl',
  buprenorphine: 'Buprenorphine',
  mdma: 'MDMA',
} as const;
export type DrugClass = keyof typeof drugClasses;
export const drugClassIds = Object.keys(drugClasses) as DrugClass[];
export const drugScreenOutcomes = ['negative', 'positive', 'not-tested'] as const;
const drugOutcome = z.enum(drugScreenOutcomes);

/** The typed numbers of results, each with its unit in its name; also read by the form. */
export const pretreatmentNumberSchemas = {
  rateBpm: wholeOrNull('heart rate (beats/min)', 400),
  qtcMs: wholeOrNull('QTc (ms)', 1000),
  altUPerL: decimalSchema('ALT (U/L)').nullable(),
  astUPerL: decimalSchema('AST (U/L)').nullable(),
  bilirubinMgPerDl: decimalSchema('bilirubin (mg/dL)').nullable(),
  creatinineMgPerDl: decimalSchema('creatinine (mg/dL)').nullable(),
  egfrMlMin173m2: decimalSchema('eGFR (mL/min/1.73 m²)').nullable(),
} as const;
const numbers = pretreatmentNumberSchemas;

export const pretreatmentValueSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ecg'),
    rhythm: text(200),
    rateBpm: numbers.rateBpm,
    qtcMs: numbers.qtcMs,
    interpretation: z.enum(ecgInterpretations).nullable(),
    text: text(2000),
  }),
  z.object({
    kind: z.literal('liver'),
    altUPerL: numbers.altUPerL,
    astUPerL: numbers.astUPerL,
    bilirubinMgPerDl: numbers.bilirubinMgPerDl,
  }),
  z.object({
    kind: z.literal('kidney'),
    creatinineMgPerDl: numbers.creatinineMgPerDl,
    egfrMlMin173m2: numbers.egfrMlMin173m2,
  }),
  z.object({
    kind: z.literal('pregnancy'),
    result: z.enum(['negative', 'positive', 'not-applicable']).nullable(),
    method: z.enum(['urine', 'serum']).nullable(),
  }),
  z.object({
    kind: z.literal('urine-drug-screen'),
    classes: z.object(
      Object.fromEntries(drugClassIds.map((id) => [id, drugOutcome])) as Record<DrugClass, typeof drugOutcome>,
    ),
  }),
  z.object({ kind: z.literal('stop-bang'), answers: stopBangAnswersSchema }),
  z.object({
    kind: z.literal('clinic-item'),
    itemId: z.string().min(1).max(64),
    /** The item as the clinic worded it when the result was entered. */
    label: z.string().max(300),
    result: text(2000),
  }),
]);
export type PretreatmentValue = z.infer<typeof pretreatmentValueSchema>;

export const resultSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('in-house') }),
  z.object({
    type: z.literal('outside'),
    /** The laboratory or report and its number: an outside result is only traceable by it (asked at signing). */
    reference: z.string().trim().max(300, 'Use at most 300 characters'),
  }),
]);

export const pretreatmentResultSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9-]{1,36}$/, 'A result id is at most 36 letters, digits or hyphens'),
  takenOn: isoDateSchema.nullable(),
  source: resultSourceSchema,
  /** Stamped by the server when the draft holding the result is first saved; kept thereafter. */
  recordedBy: z.object({ userId: z.number().int().positive(), printedName: z.string().max(300) }).optional(),
  recordedAt: z.string().optional(),
  note: text(2000),
  value: pretreatmentValueSchema,
});
export type PretreatmentResult = z.infer<typeof pretreatmentResultSchema>;

export const pretreatmentAcknowledgementSchema = z.object({
  reason: text(2000),
  /** The problems as the signer saw them in words when they gave the reason. */
  problems: z.array(z.string().max(500)).max(100),
});
export type PretreatmentAcknowledgement = z.infer<typeof pretreatmentAcknowledgementSchema>;

export const examPretreatmentSchema = z.object({
  results: z.array(pretreatmentResultSchema).max(200),
  acknowledgement: pretreatmentAcknowledgementSchema.optional(),
});
export type ExamPretreatment = z.infer<typeof examPretreatmentSchema>;

/** The requirement key a result counts towards: its kind, or the clinic item's id. */
export function requirementKey(value: PretreatmentValue): string {
  return value.kind === 'clinic-item' ? `item:${value.itemId}` : value.kind;
}

export function resultLabel(value: PretreatmentValue): string {
  return value.kind === 'clinic-item' ? value.label : pretreatmentKindLabels[value.kind];
}

/** What signing needs of the results themselves (not of the clinic's requirements). */
export function pretreatmentResultProblems(pretreatment: ExamPretreatment | undefined): {
  path: string;
  message: string;
}[] {
  const problems: { path: string; message: string }[] = [];
  (pretreatment?.results ?? []).forEach((result, index) => {
    if (result.takenOn === null) {
      problems.push({
        path: `pretreatment.results.${index}.takenOn`,
        message: `Enter the date the ${resultLabel(result.value)} result was taken`,
      });
    }
    if (result.source.type === 'outside' && result.source.reference.trim() === '') {
      problems.push({
        path: `pretreatment.results.${index}.reference`,
        message: `Enter the outside report of the ${resultLabel(result.value)} result (laboratory or clinic and its number)`,
      });
    }
    if (result.value.kind === 'stop-bang' && stopBangScore(result.value.answers) === null) {
      problems.push({
        path: `pretreatment.results.${index}.value`,
        message: 'Answer all eight STOP-BANG questions or remove the result',
      });
    }
  });
  return problems;
}
