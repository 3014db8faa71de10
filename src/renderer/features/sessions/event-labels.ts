import type { AdministrationEventType } from '../../../domain/infusion-session';

/** The button that opens each event's form, the form's title, and its save button. */
export const eventActions: Record<AdministrationEventType, { button: string; title: string; save: string }> = {
  start: { button: 'Start infusion', title: 'Start the infusion', save: 'Chart the start' },
  'rate-change': { button: 'Change rate', title: 'Change the pump rate', save: 'Chart the rate change' },
  pause: { button: 'Pause', title: 'Pause the infusion', save: 'Chart the pause' },
  resume: { button: 'Resume', title: 'Resume the infusion', save: 'Chart the resume' },
  // "Stop early…", not "Stop": beside "End infusion" a bare "Stop" reads as the normal end.
  stop: { button: 'Stop early…', title: 'Stop the infusion early', save: 'Chart the early stop' },
  end: { button: 'End infusion', title: 'End the infusion', save: 'Chart the end' },
};
