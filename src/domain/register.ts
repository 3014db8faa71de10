import { z } from 'zod';
import { parseLotExpiry } from './lot-expiry';
import { isoDateSchema } from './patient';
import { Decimal, decimalSchema, isDecimalText } from './quantity';
import { registerEntryKinds } from './register-balance';
import { passwordSchema } from './user';

/**
 * The controlled-substance register's inputs and views (21 CFR 1304.04, .11, .21, .22(c)):
 * receipts, containers, use in sessions, waste, returns, destruction and inventories.
 */

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters`)
    .transform((value) => value.normalize('NFC'));
const required = (max: number, what: string) => text(max).refine((value) => value !== '', `Enter the ${what}`);
const instant = z.iso.datetime({ offset: false, message: 'Enter a date and time' });

/** A second person at the desk proves it is them with their own user ID and password. */
const secondPersonSchema = z
  .object({ username: z.string().trim().toLowerCase().min(1).max(64), password: passwordSchema })
  .strict();

/** The roles that may be allowed to record receipts, inventories and destruction. */
export const registerRoles = ['physician', 'nurse', 'admin'] as const;
const rolesSchema = z.array(z.enum(registerRoles)).min(1, 'Allow at least one role').max(3);

export const registerSettingsSchema = z
  .object({
    /** The registrant (usually the medical director) and registration, printed on every report. */
    registrantName: text(200),
    registrationNumber: text(20),
    /**
     * How many days a multi-dose vial may be used after it is first punctured, as the clinic
     * decided (its policy, the label); null: not set, and the register then warns of expiry only.
     */
    inUseLimitDays: z.number().int().min(1).max(365).nullable(),
    receiptRoles: rolesSchema,
    inventoryRoles: rolesSchema,
    destructionRoles: rolesSchema,
  })
  .strict();
export type RegisterSettings = z.infer<typeof registerSettingsSchema>;

/** A new ledger's settings: who may do what, no registrant yet, no in-use limit chosen. */
export const initialRegisterSettings: RegisterSettings = {
  registrantName: '',
  registrationNumber: '',
  inUseLimitDays: null,
  receiptRoles: ['physician'],
  inventoryRoles: ['physician', 'nurse'],
  destructionRoles: ['physician'],
};

const lotExpirySchema = z
  .string()
  .trim()
  .transform((value, context) => {
    const parsed = parseLotExpiry(value);
    if (parsed === null) {
      context.addIssue({ code: 'custom', message: 'Enter the expiry as on the label, e.g. Jun-2027 or 2027-06-30' });
      return z.NEVER;
    }
    return parsed;
  });

const positive = (what: string) =>
  decimalSchema(what).refine(
    (value) => isDecimalText(value) && new Decimal(value).greaterThan(0),
    `The ${what} must be more than zero`,
  );

export const receiptInputSchema = z
  .object({
    drugId: z.string().trim().min(1, 'Choose the drug').max(40),
    concentrationMgPerMl: positive('concentration (mg/mL)'),
    containerVolumeMl: positive('container volume (mL)'),
    containerCount: z.number().int().min(1, 'At least one container').max(500, 'At most 500 containers at once'),
    lotNumber: required(50, 'lot number'),
    lotExpiry: lotExpirySchema,
    supplierName: required(200, 'supplier’s name'),
    supplierAddress: required(500, 'supplier’s address'),
    supplierRegistration: required(20, 'supplier’s registration number'),
    invoiceNumber: required(100, 'invoice or order number'),
    receivedOn: isoDateSchema,
    /** Who checked the delivery against the invoice: another person, with their password. */
    checker: secondPersonSchema,
  })
  .strict();
export type ReceiptInput = z.infer<typeof receiptInputSchema>;

export const openInputSchema = z.object({ containerId: z.number().int().positive(), occurredAt: instant }).strict();

export const drawInputSchema = z
  .object({
    containerId: z.number().int().positive(),
    sessionId: z.number().int().positive(),
    volumeMl: positive('volume drawn (mL)'),
    occurredAt: instant,
  })
  .strict();

export const wasteInputSchema = z
  .object({
    containerId: z.number().int().positive(),
    sessionId: z.number().int().positive(),
    doseMg: positive('waste (mg)'),
    occurredAt: instant,
    witness: secondPersonSchema,
  })
  .strict();

export const returnInputSchema = z
  .object({
    containerId: z.number().int().positive(),
    volumeMl: positive('volume returned (mL)'),
    occurredAt: instant,
    /** The supplier and the return's reference (invoice, DEA Form 222 for Schedule II). */
    reason: required(1000, 'supplier and return reference'),
  })
  .strict();

export const destroyInputSchema = z
  .object({
    containerId: z.number().int().positive(),
    volumeMl: positive('volume destroyed (mL)'),
    occurredAt: instant,
    method: required(200, 'method of destruction'),
    reason: required(1000, 'reason'),
    witness: secondPersonSchema,
  })
  .strict();

export const inventoryKinds = ['initial', 'biennial', 'ad-hoc'] as const;
export const inventoryKindLabels: Record<(typeof inventoryKinds)[number], string> = {
  initial: 'Initial inventory',
  biennial: 'Biennial inventory',
  'ad-hoc': 'Ad hoc count',
};

export const inventoryInputSchema = z
  .object({
    kind: z.enum(inventoryKinds),
    countedAt: instant,
    notes: text(2000),
    counts: z
      .array(z.object({ containerId: z.number().int().positive(), countedMl: decimalSchema('counted volume (mL)') }))
      .min(1, 'Count at least one container')
      .max(5000),
    secondCounter: secondPersonSchema,
  })
  .strict();
export type InventoryInput = z.infer<typeof inventoryInputSchema>;

export const discrepancyCategories = ['recording-error', 'spillage', 'loss', 'theft', 'other'] as const;
export type DiscrepancyCategory = (typeof discrepancyCategories)[number];
export const discrepancyCategoryLabels: Record<DiscrepancyCategory, string> = {
  'recording-error': 'Recording error (corrected separately)',
  spillage: 'Spillage or breakage',
  loss: 'Loss (unexplained)',
  theft: 'Theft or suspected theft',
  other: 'Other',
};
/** Categories where the drug is gone: the balance is brought down to the count. */
export const writeOffCategories: ReadonlySet<DiscrepancyCategory> = new Set(['spillage', 'loss', 'theft']);

export const explainInputSchema = z
  .object({
    countEntryId: z.number().int().positive(),
    category: z.enum(discrepancyCategories),
    explanation: required(2000, 'explanation'),
  })
  .strict();

export const reviewInputSchema = z
  .object({ countEntryId: z.number().int().positive(), note: required(2000, 'review note') })
  .strict();

export const correctionInputSchema = z
  .object({
    entryId: z.number().int().positive(),
    /** The corrected entry's amount was too low (`more`) or too high (`less`) by `volumeMl`. */
    direction: z.enum(['more', 'less']),
    volumeMl: positive('correction (mL)'),
    reason: required(2000, 'reason for the correction'),
    occurredAt: instant,
  })
  .strict();

const decimalText = z.string();
const balanceSchema = z.object({ ml: decimalText, mg: decimalText });

export const registerEntryViewSchema = z.object({
  id: z.number().int(),
  containerId: z.number().int(),
  kind: z.enum(registerEntryKinds),
  delta: balanceSchema,
  balance: balanceSchema,
  occurredAt: z.string(),
  recordedAt: z.string(),
  printedName: z.string(),
  witnessPrintedName: z.string().nullable(),
  sessionId: z.number().int().nullable(),
  /** The session's patient, so a screen can link to the session (null without a session). */
  sessionPatientId: z.number().int().nullable(),
  inventoryId: z.number().int().nullable(),
  refersToEntryId: z.number().int().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type RegisterEntryView = z.infer<typeof registerEntryViewSchema>;

const containerStatuses = ['unopened', 'open', 'empty'] as const;

export const containerViewSchema = z.object({
  id: z.number().int(),
  /** "R4-2": receipt 4, second container; written on the vial. */
  label: z.string(),
  receiptId: z.number().int(),
  drugId: z.string(),
  drugName: z.string(),
  concentrationMgPerMl: z.string(),
  volumeMl: z.string(),
  lotNumber: z.string(),
  lotExpiry: z.string(),
  balance: balanceSchema,
  status: z.enum(containerStatuses),
  openedAt: z.string().nullable(),
  /** The last day of use after puncture under the clinic's in-use limit; null when none applies. */
  inUseUntil: z.string().nullable(),
  /** Warnings for the person about to use it: expired, past the in-use limit. */
  warnings: z.array(z.string()),
});
export type ContainerView = z.infer<typeof containerViewSchema>;
