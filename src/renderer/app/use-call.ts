import { useCallback, useEffect, useState } from 'react';
import type { CallError } from '../../contract/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../contract/methods';
import { useLedgerChanges } from '../lib/ledger-changes';
import { useApi } from './sign-in-context';

export type Loaded<T> = { status: 'loading' } | { status: 'failed'; error: CallError } | { status: 'ready'; value: T };

export interface CallState<T> {
  loaded: Loaded<T>;
  /** Replaces the value shown, e.g. with what a save returned. */
  replace: (value: T) => void;
  reload: () => void;
}

export interface CallOptions {
  /**
   * Read again whenever the clinic host announces a ledger change (clinic mode only; browser
   * mode and Electron have no announcements). Only for unaudited reads shown read-only: an
   * audited read would itself be a change, announced to every device, which would read again…
   */
  live?: boolean;
}

/**
 * Makes one read when the screen opens, and again when its input changes or on reload().
 * An answer that arrives after the input changed is dropped.
 */
export function useCall<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: CallOptions = {},
): CallState<MethodOutput<M>> {
  const api = useApi();
  const key = `${method} ${JSON.stringify(input)}`;
  const [round, setRound] = useState(0);
  const changes = useLedgerChanges();
  const liveRound = options.live === true ? changes : 0;
  const [state, setState] = useState<{ key: string; round: number; loaded: Loaded<MethodOutput<M>> } | null>(null);
  useEffect(() => {
    let current = true;
    const parsedInput = JSON.parse(key.slice(method.length + 1)) as MethodInput<M>;
    void api.call(method, parsedInput).then((result) => {
      if (!current) return;
      setState({
        key,
        round,
        loaded: result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error },
      });
    });
    return () => {
      current = false;
    };
  }, [api, method, key, round, liveRound]);
  const replace = useCallback(
    (value: MethodOutput<M>) => setState({ key, round, loaded: { status: 'ready', value } }),
    [key, round],
  );
  const reload = useCallback(() => setRound((count) => count + 1), []);
  // While a reload runs, the previous answer stays on screen rather than flashing "Loading".
  const loaded: Loaded<MethodOutput<M>> = state !== null && state.key === key ? state.loaded : { status: 'loading' };
  return { loaded, replace, reload };
}
