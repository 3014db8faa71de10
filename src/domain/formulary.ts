import { z } from 'zod';
import { decimalSchema } from './quantity';
import { drugLimitsSchema } from './limits';
import { pumpSchema } from './pump';

/**
 * The clinic's own list of drugs, concentrations and limits, and its screening checklist.
 * Versioned: each change is a new version, and each plan records the version in force.
 * Nothing here ships with doses: a new clinic starts with no drugs and no limits.
 */
export const drugSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use lower-case letters, digits and hyphens for the drug code'),
  name: z.string().trim().min(1, 'Enter the drug name').max(100),
  concentrationsMgPerMl: z
    .array(decimalSchema('concentration (mg/mL)'))
    .min(1, 'Add at least one concentration')
    .max(10),
  limits: drugLimitsSchema,
  /**
   * The drug's RxNorm concept (RxCUI), as the clinic entered it, so exports can code the
   * medication. Optional: versions saved before it existed have none, and a clinic outside
   * the US may have none to give. The app is offline, so only its shape is checked. Left
   * empty, it is no code at all (and canonical JSON then leaves the member out).
   */
  rxNormCode: z
    .string()
    .trim()
    .transform((code) => (code === '' ? undefined : code))
    .pipe(
      z
        .string()
        .regex(/^[1-9]\d{0,9}$/, 'Enter the RxNorm code (RxCUI) as digits only, e.g. 6130, or leave it empty')
        .optional(),
    )
    .optional(),
});
export type Drug = z.infer<typeof drugSchema>;

export const screeningItemSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'Use lower-case letters, digits and hyphens'),
  label: z.string().trim().min(1, 'Enter the question').max(300),
});
export type ScreeningItem = z.infer<typeof screeningItemSchema>;

export const formularyContentSchema = z
  .object({
    drugs: z.array(drugSchema).max(50),
    screeningItems: z.array(screeningItemSchema).max(100),
    /** The clinic's pumps and the steps they are set in (absent in versions saved before). */
    pumps: z.array(pumpSchema).max(20).optional(),
  })
  .superRefine((content, context) => {
    const unique = (ids: string[], what: string) => {
      if (new Set(ids).size !== ids.length)
        context.addIssue({ code: 'custom', message: `Each ${what} code must be unique` });
    };
    unique(
      content.drugs.map((drug) => drug.id),
      'drug',
    );
    unique(
      content.screeningItems.map((item) => item.id),
      'screening item',
    );
    unique(
      (content.pumps ?? []).map((pump) => pump.id),
      'pump',
    );
  });
export type FormularyContent = z.infer<typeof formularyContentSchema>;

export const formularySchema = z.object({
  version: z.number().int().nonnegative(),
  content: formularyContentSchema,
  createdAt: z.string().nullable(),
  createdBy: z.string().nullable(),
});
export type Formulary = z.infer<typeof formularySchema>;

/**
 * Screening questions a new clinic starts with; the clinic edits them. They ask about the
 * patient, they do not decide anything. Each is a question whose "Yes" is the answer that
 * needs attention, so no answer reads as a double negative ("No escort home: No").
 * Formularies already saved keep their own wording: it is versioned data.
 */
export const starterScreeningItems: ScreeningItem[] = [
  { id: 'bp-uncontrolled', label: "Is the patient's blood pressure uncontrolled today?" },
  { id: 'active-psychosis', label: 'Does the patient have active psychosis or mania?' },
  { id: 'pregnant', label: 'Is the patient pregnant, or possibly pregnant?' },
  { id: 'ketamine-hypersensitivity', label: 'Does the patient have a known hypersensitivity to ketamine?' },
  { id: 'fasting', label: 'Has the patient eaten or drunk when told to fast?' },
  { id: 'no-escort', label: 'Is the patient going home after the infusion without an escort?' },
];

export const emptyFormulary: FormularyContent = { drugs: [], screeningItems: starterScreeningItems };
