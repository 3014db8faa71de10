import { useEffect } from 'react';

/** Screen readers announce the title and people find the window by it. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Dosing Ledger`;
  }, [title]);
}
