import { contextBridge, ipcRenderer } from 'electron';
import type { CallResult } from '../src/contract/errors';
import { ledgerChannel, refuseBeforeSending, transportFailure } from './channel';

/*
 * Runs sandboxed, in an isolated world: the page sees only `window.ledger.invoke`, a copy
 * made by contextBridge, never ipcRenderer itself. Errors are values here too, so the
 * renderer's client handles IPC and browser mode the same way.
 */
async function invoke(method: unknown, input: unknown): Promise<CallResult<unknown>> {
  const refused = refuseBeforeSending(method);
  if (refused !== null) return refused;
  try {
    return (await ipcRenderer.invoke(ledgerChannel, method, input)) as CallResult<unknown>;
  } catch {
    return transportFailure;
  }
}

contextBridge.exposeInMainWorld('ledger', { invoke });
