import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { usePageTitle } from '../lib/use-page-title';

/** The frame of the screens before the app proper: set-up, sign-in, password change. */
export function AuthLayout({
  title,
  subtitle,
  wide = false,
  focusHeading = true,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  wide?: boolean;
  /** False when the screen focuses its first field itself. */
  focusHeading?: boolean;
  children: ReactNode;
}) {
  usePageTitle(title);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
  }, [focusHeading]);
  return (
    <main className="auth-page">
      <div className={wide ? 'auth-card auth-card-wide' : 'auth-card'}>
        <p className="auth-app-name">Dosing Ledger</p>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {subtitle !== undefined && <div className="auth-subtitle">{subtitle}</div>}
        {children}
      </div>
    </main>
  );
}
