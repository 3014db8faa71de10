import { z } from 'zod';

/**
 * The clinic's written discharge instructions: versioned with the session configuration they
 * belong to. A discharge at which they were given stores the text as given, so a later change
 * of the clinic's text never alters what a patient was told.
 */

export const maxDischargeInstructionsChars = 8000;

/** The clinic's setting (a key of the session configuration; absent = none written). */
export const dischargeInstructionsSchema = z
  .object({
    /** Paragraphs separated by blank lines. */
    text: z
      .string()
      .max(maxDischargeInstructionsChars, `Use at most ${maxDischargeInstructionsChars} characters`)
      .transform((value) => value.normalize('NFC')),
    /** The clinic's own label for this revision of its text (may be empty). */
    version: z.string().max(40, 'Use at most 40 characters'),
  })
  .strict();
export type DischargeInstructions = z.infer<typeof dischargeInstructionsSchema>;

/** Stored in the discharge entry (optional there), set by the service, never as typed. */
export const givenInstructionsSchema = z.object({
  configurationVersion: z.number().int().nonnegative(),
  versionLabel: z.string().max(40),
  text: z.string().max(maxDischargeInstructionsChars),
  givenBy: z.string().max(300),
  givenAt: z.string(),
});
export type GivenInstructions = z.infer<typeof givenInstructionsSchema>;

/** The paragraphs of the text, as printed (blank lines separate them). */
export function instructionParagraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}
