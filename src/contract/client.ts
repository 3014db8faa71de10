import type { CallResult } from './errors';
import type { MethodInput, MethodName, MethodOutput } from './methods';

/** Transport: Electron IPC in the app, HTTP in browser mode, dispatch itself in tests. */
export type Invoke = (method: string, input: unknown) => Promise<CallResult<unknown>>;

export interface LedgerClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<CallResult<MethodOutput<M>>>;
}

/**
 * A typed client over any transport. The back end validates everything again, so the
 * types here are a convenience for callers, never the safety net.
 */
export function createClient(invoke: Invoke): LedgerClient {
  return {
    call: async <M extends MethodName>(method: M, input: MethodInput<M>) =>
      (await invoke(method, input)) as CallResult<MethodOutput<M>>,
  };
}
