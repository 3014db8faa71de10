import type { Loaded } from '../app/use-call';
import { Notice } from './Notice';

/** What a screen shows while its data loads or when it could not be loaded. */
export function LoadState({ loaded, what }: { loaded: Loaded<unknown>; what: string }) {
  if (loaded.status === 'loading') {
    return (
      <p className="loading" role="status">
        Loading {what}…
      </p>
    );
  }
  if (loaded.status === 'failed') {
    return (
      <Notice tone="error" live="alert" title={`The ${what} could not be loaded`}>
        {loaded.error.message}
      </Notice>
    );
  }
  return null;
}
