/**
 * Words printed both on screen and in the signed PDFs, defined once: a clinician reads the
 * plan on screen beside its PDF, an auditor compares them, and two words for one thing read
 * as two things.
 */

/**
 * " (formulary version 3)", or nothing: "formulary" is the word clinicians use for the
 * clinic's list of drugs with their concentrations and limits, and the screens' menu says it.
 */
export function formularyVersionText(version: number | null): string {
  return version === null ? '' : ` (formulary version ${version})`;
}

/**
 * The columns of a limits table. "Configured range" is the bound that needs a typed reason
 * (as in "outside your clinic's configured range"); "Hard limit" the one that blocks signing.
 */
export const limitHeadings = {
  quantity: 'Quantity',
  range: 'Configured range',
  hard: 'Hard limit',
} as const;

/** The formulary's four bounds of a quantity, named by the column they fill in the plan's table. */
export const limitBoundLabels = {
  hardMin: `${limitHeadings.hard} minimum`,
  softMin: `${limitHeadings.range} minimum`,
  softMax: `${limitHeadings.range} maximum`,
  hardMax: `${limitHeadings.hard} maximum`,
} as const;

/** The row of a limits table for how old the weight a plan uses may be. */
export const weightAgeLabel = 'Age of the weight';

/** A bound the clinic left empty: nothing is compared with it. */
export const limitNotConfigured = 'Not configured';

/**
 * The columns the session's vital-signs table has on screen and in the session record.
 * `reading` holds which reading a row is (Baseline, Check, Discharge), not a time.
 */
export const vitalsHeadings = {
  time: 'Time',
  reading: 'Reading',
  bloodPressure: 'BP (mmHg)',
  heartRate: 'HR (beats/min)',
  spo2: 'SpO2 (%)',
  respiratoryRate: 'RR (breaths/min)',
  temperature: 'Temp (°C)',
  sedation: 'Sedation (MOAA/S 0–5)',
  pain: 'Pain (0–10)',
} as const;
