import { useId } from 'react';
import type { FieldIssue } from '../../../contract/errors';
import { MessageText } from '../../components/MessageText';

/** How many reasons fit beside the button in the draft bar; the summary above lists them all. */
const shownBlockers = 3;

/**
 * The sign button of a draft, honest about whether signing can happen. While anything blocks
 * it (a value past a hard limit, an entry still missing), it is marked unavailable and the
 * reasons stand right under it, read out with it. It stays focusable (aria-disabled, not
 * disabled) so keyboard and screen-reader users reach the reasons; choosing it lists every
 * reason at the top of the form, each leading to its field.
 */
export function SignAction({
  what,
  blockers,
  onSign,
  onSelect,
}: {
  /** "exam" or "infusion plan". */
  what: string;
  blockers: readonly FieldIssue[];
  onSign: () => void;
  /** Moves focus to the field a reason is about. */
  onSelect: (path: string) => void;
}) {
  const reasonsId = useId();
  const blocked = blockers.length > 0;
  const more = blockers.length - shownBlockers;
  return (
    <div className="sign-action">
      <button
        type="button"
        className={blocked ? 'button button-primary button-unavailable' : 'button button-primary'}
        aria-disabled={blocked ? true : undefined}
        aria-describedby={blocked ? reasonsId : undefined}
        onClick={onSign}
      >
        Sign {what}
      </button>
      {blocked && (
        <div className="sign-blockers" id={reasonsId}>
          <p className="sign-blockers-title">Cannot be signed yet</p>
          <ul className="sign-blockers-list">
            {blockers.slice(0, shownBlockers).map((blocker, index) => (
              <li key={`${blocker.path}-${index}`}>
                {blocker.path === '' ? (
                  <MessageText text={blocker.message} />
                ) : (
                  <button type="button" className="link-button" onClick={() => onSelect(blocker.path)}>
                    {blocker.message}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {more > 0 && (
            <p className="sign-blockers-more">
              and {more} more: choose Sign {what} to list them all at the top of the form.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
