import { z } from 'zod';
import type { Role } from '../domain/roles';
import {
  containerViewSchema,
  correctionInputSchema,
  destroyInputSchema,
  drawInputSchema,
  explainInputSchema,
  inventoryInputSchema,
  openInputSchema,
  receiptInputSchema,
  registerEntryViewSchema,
  registerSettingsSchema,
  returnInputSchema,
  reviewInputSchema,
  wasteInputSchema,
} from '../domain/register';
import { clinical, define, empty, idSchema } from './define-method';
import { registerReportMethods } from './register-report-methods';

/** Who reads the register: everyone but nobody's guest (auditors read and export it). */
const registerReaders: readonly Role[] = ['physician', 'nurse', 'auditor', 'admin'];
/** The clinic's register settings then say which of these may record receipts, counts, destruction. */
const registerKeepers: readonly Role[] = ['physician', 'nurse', 'admin'];

const balanceSchema = z.object({ ml: z.string(), mg: z.string() });
const entryResult = z.object({ entry: registerEntryViewSchema });

export const registerStockSchema = z.object({
  drugId: z.string(),
  drugName: z.string(),
  concentrationMgPerMl: z.string(),
  lotNumber: z.string().nullable(),
  balance: balanceSchema,
  containers: z.number().int(),
});

export const discrepancyViewSchema = z.object({
  count: registerEntryViewSchema,
  containerLabel: z.string(),
  explanation: registerEntryViewSchema.nullable(),
  review: registerEntryViewSchema.nullable(),
});

export const registerOverviewSchema = z.object({
  settingsVersion: z.number().int(),
  settings: registerSettingsSchema,
  /** What the clinic's settings let the signed-in user record, so screens offer only that. */
  mayRecord: z.object({ receipt: z.boolean(), inventory: z.boolean(), destruction: z.boolean() }),
  /** Containers that still hold drug. */
  onHand: z.array(containerViewSchema),
  byDrug: z.array(registerStockSchema),
  byLot: z.array(registerStockSchema),
  /** Containers on hand whose lot expires within 60 days (or has expired). */
  expiringSoon: z.array(containerViewSchema),
  openVials: z.array(containerViewSchema),
  /** Counts that differ from the expected balance and still need an explanation or a physician's review. */
  discrepancies: z.array(discrepancyViewSchema),
  inventories: z.array(
    z.object({
      id: z.number().int(),
      kind: z.enum(['initial', 'biennial', 'ad-hoc']),
      countedAt: z.string(),
      printedName: z.string(),
      secondCounterName: z.string(),
    }),
  ),
});
export type RegisterOverview = z.infer<typeof registerOverviewSchema>;

/** The controlled-substance register: receipts, use, waste, returns, destruction, inventories. */
export const registerMethods = {
  'register.overview': define({ input: empty, output: registerOverviewSchema, access: registerReaders }),
  'register.container': define({
    input: z.object({ containerId: idSchema }).strict(),
    output: z.object({
      container: containerViewSchema,
      entries: z.array(registerEntryViewSchema),
      balanceConsistent: z.boolean(),
    }),
    access: registerReaders,
  }),
  /** What a session drew from each container, and wasted: the witness step in charting reads it. */
  'register.sessionUse': define({
    input: z.object({ sessionId: idSchema }).strict(),
    output: z.object({
      containers: z.array(z.object({ container: containerViewSchema, drawn: balanceSchema, wasted: balanceSchema })),
      entries: z.array(registerEntryViewSchema),
    }),
    access: registerReaders,
  }),
  'register.receive': define({
    input: receiptInputSchema,
    output: z.object({ receiptId: z.number().int(), containers: z.array(containerViewSchema) }),
    access: registerKeepers,
  }),
  'register.open': define({ input: openInputSchema, output: entryResult, access: clinical }),
  'register.draw': define({ input: drawInputSchema, output: entryResult, access: clinical }),
  'register.waste': define({ input: wasteInputSchema, output: entryResult, access: clinical }),
  'register.return': define({ input: returnInputSchema, output: entryResult, access: registerKeepers }),
  'register.destroy': define({ input: destroyInputSchema, output: entryResult, access: registerKeepers }),
  'register.correct': define({ input: correctionInputSchema, output: entryResult, access: registerKeepers }),
  'register.inventory': define({
    input: inventoryInputSchema,
    output: z.object({ inventoryId: z.number().int(), counts: z.array(registerEntryViewSchema) }),
    access: registerKeepers,
  }),
  'register.explain': define({ input: explainInputSchema, output: entryResult, access: registerKeepers }),
  /** A physician reviews an explained (or unexplained) discrepancy. */
  'register.review': define({ input: reviewInputSchema, output: entryResult, access: ['physician'] }),
  'register.settings.update': define({
    input: z.object({ settings: registerSettingsSchema, expectedVersion: z.number().int().nonnegative() }).strict(),
    output: z.object({ version: z.number().int(), settings: registerSettingsSchema }),
    access: ['admin'],
  }),
  ...registerReportMethods,
} as const;
