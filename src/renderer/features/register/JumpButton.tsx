import type { ReactNode } from 'react';

/**
 * Moves to another part of the same page. Not an `<a href="#…">`: the app's router owns the
 * address fragment (HashRouter), so such a link would open a page that does not exist.
 */
export function JumpButton({ targetId, children }: { targetId: string; children: ReactNode }) {
  return (
    <button
      type="button"
      className="link-button register-jump"
      onClick={() => {
        const target = document.getElementById(targetId);
        target?.scrollIntoView({ block: 'start' });
        target?.focus({ preventScroll: true });
      }}
    >
      {children}
    </button>
  );
}
