import { z } from 'zod';
import { reviewContentSchema } from './course-review';
import { examContentSchema } from './exam';
import { planContentSchema } from './plan';

/**
 * Clinical records (exams, plans) are kept as versions. A draft version may change; a
 * signed one never does. A correction is a new version that names the one it amends and
 * why; discontinuing a plan is an event, not an edit.
 */
export const recordTypes = ['exam', 'plan', 'review'] as const;
export const recordTypeSchema = z.enum(recordTypes);
export type RecordType = z.infer<typeof recordTypeSchema>;

export const recordTypeLabels: Record<RecordType, string> = {
  exam: 'Exam',
  plan: 'Infusion plan',
  review: 'Course review',
};

export const signatureMeanings = ['authored', 'reviewed', 'approved'] as const;
export const signatureMeaningSchema = z.enum(signatureMeanings);
export type SignatureMeaning = z.infer<typeof signatureMeaningSchema>;

/** How a version is shown: the words of the UI conventions, never a colour alone. */
export const displayStatuses = ['Draft', 'Signed', 'Amended', 'Superseded', 'Discontinued'] as const;
export type DisplayStatus = (typeof displayStatuses)[number];

export function displayStatus(version: {
  status: 'draft' | 'signed';
  version: number;
  supersededBy: number | null;
  discontinued: boolean;
}): DisplayStatus {
  if (version.status === 'draft') return 'Draft';
  if (version.supersededBy !== null) return 'Superseded';
  if (version.discontinued) return 'Discontinued';
  return version.version > 1 ? 'Amended' : 'Signed';
}

export const contentSchemas = {
  exam: examContentSchema,
  plan: planContentSchema,
  review: reviewContentSchema,
} as const;

export const signatureSchema = z.object({
  id: z.number().int().positive(),
  signerUserId: z.number().int().positive(),
  /** "Ana Ruiz, MD" as printed at the time of signing. */
  printedName: z.string(),
  meaning: signatureMeaningSchema,
  signedAt: z.string(),
  /** SHA-256 (hex) of the version's canonical JSON at signing. */
  contentSha256: z.string(),
});
export type Signature = z.infer<typeof signatureSchema>;

export const amendmentReasonSchema = z
  .string()
  .trim()
  .min(1, 'Give the reason for the amendment')
  .max(2000, 'Use at most 2000 characters')
  .transform((value) => value.normalize('NFC'));

export const discontinueReasonSchema = z
  .string()
  .trim()
  .min(1, 'Give the reason for discontinuing')
  .max(2000, 'Use at most 2000 characters')
  .transform((value) => value.normalize('NFC'));
