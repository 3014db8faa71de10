import type { ReactNode } from 'react';
import { usePageTitle } from '../lib/use-page-title';

/** A whole-window message before the app can show anything else. */
export function FullPageMessage({
  title,
  children,
  busy = false,
}: {
  title: string;
  children: ReactNode;
  busy?: boolean;
}) {
  usePageTitle(title);
  return (
    <main className="auth-page">
      <div className="auth-card" aria-busy={busy}>
        <p className="auth-app-name">Dosing Ledger</p>
        <h1>{title}</h1>
        <p role={busy ? 'status' : 'alert'}>{children}</p>
      </div>
    </main>
  );
}
