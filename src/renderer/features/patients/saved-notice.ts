import { z } from 'zod';

/** What the chart says after a save that led to it (carried in the router's location state). */
const savedStateSchema = z.object({ saved: z.enum(['created', 'updated']) });
export type SavedState = z.infer<typeof savedStateSchema>;

export function savedNotice(state: unknown): string | null {
  const parsed = savedStateSchema.safeParse(state);
  if (!parsed.success) return null;
  return parsed.data.saved === 'created' ? 'The patient record is created.' : 'The changes are saved.';
}
