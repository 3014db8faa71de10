import type { AdministrationEventType } from '../../../domain/infusion-session';

/** The one form open under the session's buttons, if any. */
export type Panel =
  | { kind: 'event'; type: AdministrationEventType }
  | { kind: 'observation' }
  | { kind: 'adverse-event' }
  | { kind: 'discharge' }
  | { kind: 'supervision' }
  | { kind: 'sign'; meaning: 'performed' | 'reviewed' }
  | { kind: 'correct'; entryId: number };
