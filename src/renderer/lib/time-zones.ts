import type { ComputerTimeZoneProposal, TimeZoneReading } from '../../domain/time-zones';

/** The zone this computer says it is in, as the browser engine names it (often a legacy name). */
export function computerReportedTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Says where the set-up wizard's proposed zone came from, or why it proposes none. */
export function computerTimeZoneNote(proposal: ComputerTimeZoneProposal): string {
  switch (proposal.kind) {
    case 'current':
      return "Proposed from this computer's own setting. Change it if the clinic keeps another time.";
    case 'former':
      return `Proposed from this computer's own setting, which uses the old name ${proposal.given}; ${proposal.zone} is its current name, on the same clock.`;
    case 'none':
      return proposal.reason === 'utc'
        ? "This computer's clock is set to UTC rather than to a place, so no time zone is proposed. Choose the clinic's time zone; UTC is in the list if the clinic keeps UTC on purpose."
        : `This computer does not give a time zone the app knows${proposal.given === '' ? '' : ` (it gives “${proposal.given}”)`}, so none is proposed. Choose the clinic's time zone.`;
  }
}

/**
 * Says how a clinic's saved zone is shown, when it is not its current name; undefined when it is.
 * A legacy name is shown under its current name (the clock is the same) and saved as such.
 */
export function savedTimeZoneNote(reading: TimeZoneReading): string | undefined {
  switch (reading.kind) {
    case 'current':
      return undefined;
    case 'former':
      return `Saved as ${reading.given}, the old name of ${reading.zone}. The clock is the same; saving these settings stores the current name.`;
    case 'unknown':
      return `The saved time zone, “${reading.given}”, is not one this app knows. Choose the clinic's time zone.`;
  }
}

/** The zone a form starts with: the current name of a known zone, or none. */
export function initialZoneOf(reading: TimeZoneReading | ComputerTimeZoneProposal): string {
  return 'zone' in reading ? reading.zone : '';
}
