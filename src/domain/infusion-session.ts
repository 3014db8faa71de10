import { z } from 'zod';
import { givenInstructionsSchema } from './discharge-instructions';
import { parseLotExpiry } from './lot-expiry';
import { decimalSchema, wholeNumberSchema } from './quantity';
import { scalesSchema } from './scales';
import { monitoringAcknowledgementSchema, monitoringSchema } from './session-monitoring';
import { supervisionHandoverSchema, supervisionSchema } from './session-supervision';
import { timingAcknowledgementSchema } from './session-timing';
import { vitalsSchema } from './vitals';

/**
 * What nurses chart during an infusion, as a medication administration record: entries are
 * appended, never edited. A correction is a new entry naming the one it corrects and why.
 */
const text = (max: number) =>
  z
    .string()
    .max(max, `Use at most ${max} characters`)
    .transform((value) => value.normalize('NFC'));
const required = (max: number, what: string) => text(max).refine((value) => value.trim() !== '', `Enter the ${what}`);

export const instantSchema = z.iso.datetime({ offset: false, message: 'Enter a date and time' });

/**
 * Every kind of entry may carry the acknowledgement of a time the plan does not allow (set
 * by the service from what it surfaced, never taken from the client as typed). Optional:
 * entries charted before it existed still parse, and their canonical JSON is unchanged.
 */
const timing = timingAcknowledgementSchema.optional();

export const checklistSchema = z.object({
  /** Name and date of birth (and MRN) confirmed with the patient: two identifiers. */
  identityConfirmed: z.literal(true, { error: 'Confirm the patient’s identity with two identifiers' }),
  escortPresent: z.boolean(),
  escortName: text(200),
  fasting: z.enum(['fasted', 'not-fasted', 'unknown']),
  fastingNote: text(500),
  changesSinceLastVisit: text(4000),
  ivSite: required(100, 'IV site'),
  ivGauge: wholeNumberSchema('IV gauge', 14, 26),
  vitals: vitalsSchema,
  scales: scalesSchema,
  timing,
  /**
   * The physician on site or immediately available (set by the service from the user named at
   * the start). Optional: sessions started before it existed still parse.
   */
  supervision: supervisionSchema.optional(),
  /** The monitoring in use at the start (absent in sessions started before it existed). */
  monitoring: monitoringSchema.optional(),
  /** Required monitoring not in use, and the reason given (set by the service, never as sent). */
  monitoringAcknowledgement: monitoringAcknowledgementSchema.optional(),
});
export type Checklist = z.infer<typeof checklistSchema>;

export const fastingLabels: Record<Checklist['fasting'], string> = {
  fasted: 'Fasted as instructed',
  'not-fasted': 'Not fasted',
  unknown: 'Not known',
};

export const administrationEventTypes = ['start', 'rate-change', 'pause', 'resume', 'stop', 'end'] as const;
export type AdministrationEventType = (typeof administrationEventTypes)[number];
export const administrationEventLabels: Record<AdministrationEventType, string> = {
  start: 'Started',
  'rate-change': 'Rate changed',
  pause: 'Paused',
  resume: 'Resumed',
  stop: 'Stopped',
  end: 'Ended',
};

export const administrationEventSchema = z.object({
  type: z.enum(administrationEventTypes),
  /** Pump rate after this event (start, rate change, resume). */
  rateMlPerH: decimalSchema('rate (mL/h)').nullable(),
  /** Why: required for a rate change, a stop, and any rate that differs from the plan. */
  reason: text(1000),
  lotNumber: text(50),
  lotExpiry: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'Enter the expiry as yyyy-mm or yyyy-mm-dd')
    // A real month or day: "2027-13" would otherwise run to 2028 and pass the expiry check.
    .refine((value) => parseLotExpiry(value) === value, 'Enter a real month or date for the expiry')
    .or(z.literal('')),
  /** Volume infused so far (stop, end). */
  volumeInfusedMl: decimalSchema('volume infused (mL)').nullable(),
  /** Drug discarded (end), witnessed. */
  wasteMg: decimalSchema('waste (mg)').nullable(),
  timing,
});
export type AdministrationEvent = z.infer<typeof administrationEventSchema>;

/** An administration event entry with only its type and the fields given set. */
export function administrationEventEntry(type: AdministrationEventType, fields: Partial<AdministrationEvent> = {}) {
  const content: AdministrationEvent = {
    type,
    rateMlPerH: null,
    reason: '',
    lotNumber: '',
    lotExpiry: '',
    volumeInfusedMl: null,
    wasteMg: null,
    ...fields,
  };
  return { kind: 'event' as const, content };
}

export const sedationLevels = [
  { score: 5, label: 'Responds readily to name in normal tone' },
  { score: 4, label: 'Lethargic response to name in normal tone' },
  { score: 3, label: 'Responds only after name is called loudly or repeatedly' },
  { score: 2, label: 'Responds only after mild prodding or shaking' },
  { score: 1, label: 'Responds only after painful trapezius squeeze' },
  { score: 0, label: 'No response after painful trapezius squeeze' },
] as const;

/** CADSS-6, the six-item dissociation short form; each item 0 (not at all) to 4 (extremely). */
export const cadss6Items = [
  'Things seemed to be moving in slow motion',
  'Things seemed unreal to me, as if I was in a dream',
  'I felt as if I was looking at the world through a fog',
  'I felt disconnected from my own body',
  'Sounds seemed to be coming from far away',
  'I felt as if I was watching myself from outside',
] as const;

export const observationSchema = z.object({
  vitals: vitalsSchema,
  /** MOAA/S sedation scale, 0–5 (5 = awake). */
  sedation: z.number().int().min(0).max(5).nullable(),
  cadss6: z.array(z.number().int().min(0).max(4).nullable()).length(cadss6Items.length).nullable(),
  painNrs: z.number().int().min(0).max(10).nullable(),
  nausea: z.enum(['none', 'mild', 'moderate', 'severe']).nullable(),
  notes: text(4000),
  timing,
});
export type Observation = z.infer<typeof observationSchema>;

export const adverseEventSchema = z.object({
  type: required(200, 'type of event'),
  onsetAt: instantSchema,
  severity: z.enum(['mild', 'moderate', 'severe', 'life-threatening']),
  action: required(2000, 'action taken'),
  rescueMedication: text(500),
  outcome: required(1000, 'outcome'),
  physicianNotified: z.object({ name: text(200), at: instantSchema.nullable() }).nullable(),
  timing,
});
export type AdverseEvent = z.infer<typeof adverseEventSchema>;

export const severityLabels: Record<AdverseEvent['severity'], string> = {
  mild: 'Mild',
  moderate: 'Moderate',
  severe: 'Severe',
  'life-threatening': 'Life-threatening',
};

export const dischargeSchema = z.object({
  criteria: z.array(z.object({ itemId: z.string().max(64), label: z.string().max(300), met: z.boolean() })).max(50),
  vitals: vitalsSchema,
  escortName: text(200),
  instructionsGiven: z.boolean(),
  notes: text(4000),
  /**
   * Why the checks ran longer than the monitoring interval, one note per stretch (its
   * bounding times, as the session summary finds them). Absent in older discharges.
   */
  gapExplanations: z
    .array(z.object({ fromAt: instantSchema, untilAt: instantSchema, explanation: text(1000) }))
    .max(50)
    .optional(),
  timing,
  /**
   * The clinic's written instructions as given (text of the configuration in force, who gave
   * them and when): set by the service when instructions were given. Absent in older discharges.
   */
  instructions: givenInstructionsSchema.optional(),
});
export type Discharge = z.infer<typeof dischargeSchema>;

export const sessionEntryBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('checklist'), content: checklistSchema }),
  z.object({ kind: z.literal('event'), content: administrationEventSchema }),
  z.object({ kind: z.literal('observation'), content: observationSchema }),
  z.object({ kind: z.literal('adverse-event'), content: adverseEventSchema }),
  z.object({ kind: z.literal('discharge'), content: dischargeSchema }),
  /** A handover of supervision to another physician, from the time it is charted at. */
  z.object({ kind: z.literal('supervision'), content: supervisionHandoverSchema }),
]);
export type SessionEntryBody = z.infer<typeof sessionEntryBodySchema>;
export type SessionEntryKind = SessionEntryBody['kind'];

/** Clinic-configured discharge criteria; a new clinic starts with these, and edits them. */
export const starterDischargeCriteria = [
  { itemId: 'alert', label: 'Alert and oriented, back to baseline' },
  { itemId: 'vitals-stable', label: 'Vital signs within the patient’s baseline range' },
  { itemId: 'ambulates', label: 'Walks steadily without help' },
  { itemId: 'no-nausea', label: 'Nausea controlled' },
  { itemId: 'escort', label: 'Responsible adult escort present' },
];

/**
 * When the next timed observation is due: the monitoring interval after the latest
 * observation (or after the start when there is none yet).
 */
export function nextCheck(
  lastCheckAtMs: number | null,
  startedAtMs: number | null,
  intervalMin: number,
  nowMs: number,
): { dueAtMs: number; remainingMs: number; overdue: boolean } | null {
  const from = lastCheckAtMs ?? startedAtMs;
  if (from === null) return null;
  const dueAtMs = from + intervalMin * 60_000;
  return { dueAtMs, remainingMs: dueAtMs - nowMs, overdue: nowMs > dueAtMs };
}
