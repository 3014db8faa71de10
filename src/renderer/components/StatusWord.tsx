import type { DisplayStatus } from '../../domain/record';

/**
 * A record's state as a written word with a consistent look (Draft, Signed, Amended,
 * Superseded, Discontinued); the colour only repeats what the word says.
 */
export function StatusWord({ status }: { status: DisplayStatus }) {
  return <span className={`record-status record-status-${status.toLowerCase()}`}>{status}</span>;
}
