/**
 * A save refused because someone saved the same thing since this screen loaded it (CONFLICT).
 * It stays until the user chooses to load the latest, so nothing typed is replaced unseen.
 */
export function StaleSaveNotice({
  message,
  changed = [],
  onLoadLatest,
  replaces = 'what you changed here',
}: {
  message: string;
  /** Labels of the fields changed there, when known. */
  changed?: readonly string[];
  onLoadLatest: () => void;
  /** What loading the latest replaces on this screen, in words. */
  replaces?: string;
}) {
  return (
    <div className="notice notice-error stale-save" role="alert">
      <div className="notice-body">
        <p className="notice-title">Someone saved this since you opened it</p>
        <p>{message}</p>
        {changed.length > 0 && (
          <>
            <p>Changed there:</p>
            <ul>
              {changed.map((label) => (
                <li key={label}>{label}</li>
              ))}
            </ul>
          </>
        )}
        <p>Loading the latest replaces {replaces}: note anything you want to keep first.</p>
        <button type="button" className="button button-secondary button-small" onClick={onLoadLatest}>
          Load the latest
        </button>
      </div>
    </div>
  );
}

/** Whether a failed call was refused as a stale save. */
export function isStaleSave(error: { code: string }): boolean {
  return error.code === 'CONFLICT';
}
