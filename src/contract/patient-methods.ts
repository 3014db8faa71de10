import { z } from 'zod';
import { patientInputSchema, patientSchema, patientSummarySchema } from '../domain/patient';
import { chartReaders, clinical, define, idSchema } from './define-method';

/** Finding, opening, registering and editing patients. */
export const patientMethods = {
  'patients.search': define({
    input: z
      .object({
        query: z.string().max(200),
        limit: z.number().int().min(1).max(100).default(50),
        /** How many matches the screen shows already: "Show more" reads the next page after them. */
        offset: z.number().int().min(0).max(10_000).default(0),
      })
      .strict(),
    output: z.object({
      patients: z.array(patientSummarySchema),
      /** Whether more patients match after this page. */
      more: z.boolean(),
    }),
    access: chartReaders,
  }),
  /** Opening a chart is audited: who looked at which record, when. */
  'patients.get': define({
    input: z.object({ patientId: idSchema }).strict(),
    output: patientSchema,
    access: chartReaders,
  }),
  'patients.create': define({
    input: z.object({ patient: patientInputSchema }).strict(),
    output: patientSchema,
    access: clinical,
  }),
  'patients.update': define({
    input: z
      .object({
        patientId: idSchema,
        /** The version the user edited; a newer one on disk is a conflict, not an overwrite. */
        expectedVersion: z.number().int().positive(),
        patient: patientInputSchema,
      })
      .strict(),
    output: patientSchema,
    access: clinical,
  }),
} as const;
