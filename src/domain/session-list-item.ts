import { z } from 'zod';
import { sessionStatuses } from './session-view';

/**
 * One row of a patient's list of infusion sessions: what the chart's table shows, without the
 * session's entries (a regular patient has 100+ sessions; the full view is read for the one opened).
 */
export const sessionListItemSchema = z.object({
  id: z.number().int().positive(),
  patientId: z.number().int().positive(),
  planRecordId: z.number().int().positive(),
  planVersionId: z.number().int().positive(),
  seriesNumber: z.number().int().positive(),
  seriesTotal: z.number().int().nullable(),
  createdAt: z.string(),
  createdByPrintedName: z.string(),
  status: z.enum(sessionStatuses),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** The drug given (mg, exact decimal), from the volume charted as infused; null when none is charted. */
  doseGivenMg: z.string().nullable(),
  /** Whether the nurse signed it "performed". */
  signed: z.boolean(),
});
export type SessionListItem = z.infer<typeof sessionListItemSchema>;

/** How many sessions each plan of the patient has charted. */
export const sessionSeriesCountSchema = z.object({
  planRecordId: z.number().int().positive(),
  charted: z.number().int().min(0),
});

export const sessionPageSchema = z.object({
  /** Newest first. */
  sessions: z.array(sessionListItemSchema),
  /** Pass as `beforeSessionId` for the next, older page; null when there is none. */
  olderBefore: z.number().int().positive().nullable(),
  /** All the patient's sessions, on every page. */
  total: z.number().int().min(0),
  /** The session still being charted, wherever it falls in the pages. */
  open: sessionListItemSchema.nullable(),
  series: z.array(sessionSeriesCountSchema),
});
export type SessionPage = z.infer<typeof sessionPageSchema>;

export const seriesDoseSchema = z.object({
  planRecordId: z.number().int().positive(),
  mg: z.string(),
  counted: z.number().int().min(0),
  uncounted: z.number().int().min(0),
});

export const cumulativeDoseSchema = z.object({
  series: z.array(seriesDoseSchema),
  totalMg: z.string(),
  counted: z.number().int().min(0),
  uncounted: z.number().int().min(0),
});
