import { z } from 'zod';

/**
 * Informed consent documents the clinic writes, and what a recorded consent carries. No consent
 * text ships with the app: a new document starts from `emptyConsentTemplate`, headings only.
 */

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .transform((value) => value.normalize('NFC'));
const required = (max: number, what: string) => text(max).refine((value) => value !== '', `Enter the ${what}`);

/** An ICD-10 code or the start of one ("F32", "F43.1", "G89"): a consent covers the indications it starts. */
const indicationPrefixSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/, 'Enter an ICD-10 code or its first three characters, such as F32');

/** A point of the text the patient confirms with their initials. */
export const initialPointSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use lower-case letters, digits and hyphens (at most 40)'),
    text: required(500, 'point to initial'),
  })
  .strict();
export type InitialPoint = z.infer<typeof initialPointSchema>;

export const consentDocumentContentSchema = z
  .object({
    title: required(200, 'title'),
    /** The text the patient reads, as written; a line starting with "# " is a heading. */
    body: required(60_000, 'text of the consent'),
    initialPoints: z
      .array(initialPointSchema)
      .max(30, 'At most 30 points to initial')
      .refine(
        (points) => new Set(points.map((point) => point.id)).size === points.length,
        'Give each point its own ID',
      ),
    /** The indications it covers; empty: every indication. */
    indicationCodes: z.array(indicationPrefixSchema).max(50, 'At most 50 codes'),
    /** Calendar months it stays valid from the patient's signature; null: until withdrawn or renewed. */
    validMonths: z.number().int().min(1, 'At least 1 month').max(120, 'At most 120 months').nullable(),
    /** A new series (a new plan) needs a new consent. */
    renewForNewSeries: z.boolean(),
    /** A new version of this text needs a new consent. */
    renewForNewText: z.boolean(),
    witnessRequired: z.boolean(),
  })
  .strict();
export type ConsentDocumentContent = z.infer<typeof consentDocumentContentSchema>;

/** The headings a clinic fills in (what published reviews of consent forms find missing most often). */
export const consentTemplateHeadings = [
  'What the treatment is',
  'What the drug is and is not approved for',
  'Risks',
  'Alternatives',
  'What happens during each infusion, and the monitoring',
  'After each infusion: no driving until the next day',
  'How many infusions this consent covers',
  'Your right to withdraw',
] as const;

/** A new document: headings only, no clinical text. */
export const emptyConsentTemplate: ConsentDocumentContent = {
  title: '',
  body: consentTemplateHeadings.map((heading) => `# ${heading}\n\n`).join(''),
  initialPoints: [],
  indicationCodes: [],
  validMonths: null,
  renewForNewSeries: true,
  renewForNewText: true,
  witnessRequired: false,
};

/** What the patient reads and signs: the part of a version its SHA-256 binds. */
export function consentTextOf(content: ConsentDocumentContent): {
  title: string;
  body: string;
  initialPoints: InitialPoint[];
} {
  return { title: content.title, body: content.body, initialPoints: content.initialPoints };
}

/** Whether a document covers an exam's indication (its ICD-10 code). */
export function coversIndication(content: Pick<ConsentDocumentContent, 'indicationCodes'>, icd10: string): boolean {
  if (content.indicationCodes.length === 0) return true;
  const code = icd10.trim().toUpperCase();
  return content.indicationCodes.some((prefix) => code.startsWith(prefix));
}

/** Who signs beside the clinician: the patient, or a legally authorised representative. */
export const consentSignerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('patient') }).strict(),
  z
    .object({
      kind: z.literal('representative'),
      name: required(200, 'representative’s name'),
      relationship: required(100, 'relationship to the patient'),
    })
    .strict(),
]);
export type ConsentSigner = z.infer<typeof consentSignerSchema>;

/** How a clinic enforces consent before an infusion. */
export const consentRequirements = ['required', 'warn'] as const;
export type ConsentRequirement = (typeof consentRequirements)[number];
