import type { FieldIssue } from '../../../contract/errors';
import { useSignedIn } from '../../app/sign-in-context';
import { Icon } from '../../components/Icon';
import { StaleSaveNotice } from '../../components/StaleSaveNotice';
import type { RecordType } from '../../../domain/record';
import { draftConflictFields } from './draft-conflict-fields';
import { formatClockTime } from '../../../domain/clock-time';
import type { SaveState } from './use-autosave';

/**
 * Where the draft stands: saved (and when), saving, or not saved and why. Routine changes
 * are not announced (they would interrupt every pause in typing); a failure is.
 */
export function SaveStatus({
  state,
  issues,
  onRetry,
  onSelect,
  recordType,
  onLoadLatest,
}: {
  state: SaveState;
  issues: readonly FieldIssue[];
  onRetry: () => void;
  onSelect: (path: string) => void;
  recordType: RecordType;
  /** Reads the draft as stored now, replacing what this screen holds. */
  onLoadLatest: () => void;
}) {
  const { clinic } = useSignedIn();
  return (
    <div className="save-status">
      {state.kind === 'saved' && (
        <p className="save-status-line">
          <Icon name="check" /> Draft saved at {formatClockTime(state.at, clinic.timeZone)}
        </p>
      )}
      {state.kind === 'saving' && (
        <p className="save-status-line">
          <Icon name="pending" /> Saving…
        </p>
      )}
      <div role="alert">
        {state.kind === 'failed' && (
          <div className="save-status-failed">
            <p>
              <strong>Not saved.</strong> {state.message} What you typed is kept in this window.
            </p>
            <button type="button" className="button button-secondary button-small" onClick={onRetry}>
              Try saving again
            </button>
          </div>
        )}
      </div>
      {state.kind === 'conflict' && (
        <StaleSaveNotice
          message={state.message}
          changed={draftConflictFields(recordType, state.changedPaths)}
          onLoadLatest={onLoadLatest}
          replaces="what you typed here since your last save"
        />
      )}
      {issues.length > 0 && (
        <div className="save-status-issues">
          <p>
            {issues.length === 1 ? 'One entry is' : `${issues.length} entries are`} not saved yet because{' '}
            {issues.length === 1 ? 'it does' : 'they do'} not read as expected:
          </p>
          <ul>
            {issues.map((issue) => (
              <li key={issue.path}>
                <button type="button" className="link-button" onClick={() => onSelect(issue.path)}>
                  {issue.message}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
