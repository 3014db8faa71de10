/**
 * Small inline icons (no icon font, no network). Decorative: the words next to them carry
 * the meaning, so they are hidden from screen readers.
 */
export type IconName = 'check' | 'pending' | 'warning' | 'lock' | 'info';

const paths: Record<IconName, string> = {
  check: 'M4 10.5l4 4 8-9',
  pending: 'M10 3.5a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z',
  warning: 'M10 2.5l8 14.5H2zM10 8v4.5M10 14.6v.1',
  lock: 'M5.5 9V6.5a4.5 4.5 0 0 1 9 0V9M4 9h12v8.5H4z',
  info: 'M10 2.5a7.5 7.5 0 1 0 0 15a7.5 7.5 0 1 0 0-15zM10 9v5M10 6.2v.1',
};

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg
      className={className === undefined ? 'icon' : `icon ${className}`}
      viewBox="0 0 20 20"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d={paths[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
