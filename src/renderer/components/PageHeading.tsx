import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { usePageTitle } from '../lib/use-page-title';

/**
 * The page's one h1. It takes focus when the page opens, so a screen reader announces the
 * new page after navigation, unless the page puts focus somewhere more useful itself.
 */
export function PageHeading({
  title,
  children,
  focusOnOpen = true,
}: {
  title: string;
  children?: ReactNode;
  focusOnOpen?: boolean;
}) {
  const ref = useRef<HTMLHeadingElement>(null);
  usePageTitle(title);
  useEffect(() => {
    if (focusOnOpen) ref.current?.focus();
  }, [focusOnOpen]);
  return (
    <div className="page-heading">
      <h1 ref={ref} tabIndex={-1}>
        {title}
      </h1>
      {children !== undefined && <div className="page-heading-actions">{children}</div>}
    </div>
  );
}
