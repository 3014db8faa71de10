export type SetupMode = 'new' | 'restore';

const choices: { mode: SetupMode; label: string }[] = [
  { mode: 'new', label: 'Set up a new clinic' },
  { mode: 'restore', label: 'Restore a clinic from a backup' },
];

/** The two ways to start on an empty ledger, shown above both forms. */
export function SetupChoice({ mode, onChange }: { mode: SetupMode; onChange: (mode: SetupMode) => void }) {
  return (
    <div className="setup-choice" role="group" aria-label="How to start">
      {choices.map((choice) => (
        <button
          key={choice.mode}
          type="button"
          className={choice.mode === mode ? 'button button-primary' : 'button'}
          aria-pressed={choice.mode === mode}
          onClick={() => onChange(choice.mode)}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
