import type { ReactNode } from 'react';
import { Suspense } from 'react';

/** A chart while its code loads; the table beside it already shows the values. */
export function ChartLoading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          Loading the chart…
        </p>
      }
    >
      {children}
    </Suspense>
  );
}
