import type { ReactNode } from 'react';
import { useId, useRef } from 'react';
import { useSignedIn } from '../app/sign-in-context';
import { useFocusTrap } from '../lib/use-focus-trap';

/**
 * A modal dialog over the signed-in app. It stays inside the app's frame (no portal), so the
 * lock screen covers it and makes it inert like everything else; its focus trap lets go
 * while the screen is locked. Escape closes it.
 */
export function Dialog({
  title,
  onClose,
  children,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const { locked } = useSignedIn();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useFocusTrap(ref, !locked);
  return (
    <div className="dialog-backdrop">
      <div
        className={wide ? 'dialog dialog-wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        ref={ref}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
