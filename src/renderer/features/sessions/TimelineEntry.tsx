import type { SessionEntryView } from '../../../domain/session-view';
import { entryLines, entryTitle } from '../../../domain/session-entry-text';
import type { EntryContext } from '../../../domain/session-entry-text';

/**
 * One charted entry: what, when it happened, when it was saved and by whom. A corrected
 * entry stays readable, struck through, with who corrected it and why; nothing is erased.
 */
export function TimelineEntry({
  entry,
  correctedBy,
  corrects,
  context,
  onCorrect,
  recovery = false,
}: {
  entry: SessionEntryView;
  /** The later entry that corrects this one, if any. */
  correctedBy: SessionEntryView | null;
  /** The entry this one corrects, if it is a correction. */
  corrects: SessionEntryView | null;
  context: EntryContext;
  onCorrect: (() => void) | null;
  /** A check charted after the infusion stopped: titled as a recovery check. */
  recovery?: boolean;
}) {
  const title = recovery ? 'Recovery check' : entryTitle(entry);
  const happened = context.time(entry.occurredAt);
  const struck = correctedBy !== null;
  const lines = entryLines(entry, context);
  return (
    <li className={struck ? 'timeline-entry timeline-entry-corrected' : 'timeline-entry'}>
      <p className="timeline-time">{happened}</p>
      <div className="timeline-body">
        <h3 className="timeline-title">
          {struck ? <s dir="auto">{title}</s> : <span dir="auto">{title}</span>}
          {struck && <span className="entry-flag entry-flag-corrected">Corrected</span>}
          {corrects !== null && <span className="entry-flag">Correction</span>}
        </h3>
        <ul className="timeline-lines">
          {lines.map((line, index) => (
            <li key={index} dir="auto">
              {struck ? <s>{line}</s> : line}
            </li>
          ))}
        </ul>
        {corrects !== null && (
          <p className="correction-note">
            Corrects the entry “{entryTitle(corrects)}” of {context.time(corrects.occurredAt)}. Reason:{' '}
            <span dir="auto">{entry.correctionReason ?? 'Not known'}</span>
          </p>
        )}
        {correctedBy !== null && (
          <p className="correction-note">
            Corrected by {correctedBy.printedName} (charted {context.time(correctedBy.recordedAt)}). Reason:{' '}
            <span dir="auto">{correctedBy.correctionReason ?? 'Not known'}</span>
          </p>
        )}
        <p className="timeline-meta">
          Happened {happened} · charted {context.time(entry.recordedAt)} by {entry.printedName}
        </p>
        {onCorrect !== null && (
          <button type="button" className="button button-secondary button-small" onClick={onCorrect}>
            Correct
            <span className="visually-hidden">
              {' '}
              the entry “{title}” of {happened}
            </span>
          </button>
        )}
      </div>
    </li>
  );
}
