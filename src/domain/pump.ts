import { z } from 'zod';

/**
 * The pumps a clinic gives infusions with, as its formulary lists them. A pump is set in
 * steps (0.1 mL/h on most volumetric pumps, 0.01 mL/h on many syringe drivers): the rate a
 * nurse can program is the worked-out rate rounded to that step, and what that delivers is
 * shown against the signed dose.
 */
export const pumpKinds = ['infusion-pump', 'syringe-driver'] as const;
export type PumpKind = (typeof pumpKinds)[number];

export const pumpKindLabels: Record<PumpKind, string> = {
  'infusion-pump': 'Infusion pump (bags)',
  'syringe-driver': 'Syringe driver',
};

/** The steps pumps are set in, in mL/h. */
export const pumpRateSteps = ['1', '0.1', '0.01'] as const;

export const pumpSchema = z.object({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Use lower-case letters, digits and hyphens for the pump code'),
  name: z.string().trim().min(1, 'Enter the pump name').max(100),
  kind: z.enum(pumpKinds, { error: 'Choose the kind of pump' }),
  rateStepMlPerH: z.enum(pumpRateSteps, { error: 'Choose the step the pump is set in' }),
});
export type Pump = z.infer<typeof pumpSchema>;
