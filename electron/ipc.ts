import type { IpcMain } from 'electron';
import type { CallResult } from '../src/contract/errors';
import { failure } from '../src/contract/errors';
import { dispatch } from '../src/services/dispatch';
import type { Ledger } from '../src/services/ledger';
import type { SignIn } from '../src/services/sign-in';
import { createSignIn } from '../src/services/sign-in';
import { ledgerChannel } from './channel';
import { appOrigin, isAppUrl } from './protocol';

/*
 * Only Electron's types are imported: main.ts hands in `ipcMain`, so this whole file runs
 * under plain Node in tests, with fake events and a real ledger.
 */

/** The parts of an `IpcMainInvokeEvent` the sender check reads. */
export interface SenderShape {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export type RefusalReason = 'unknown-window' | 'no-frame' | 'subframe' | 'foreign-origin' | 'unreadable-frame';
export type SenderVerdict = { allowed: true } | { allowed: false; reason: RefusalReason };

/**
 * Who may call the back end: the main frame (never an iframe) of a window this app created,
 * showing a page of the app's own origin. A frame that has navigated away or been destroyed
 * (senderFrame null) is refused too.
 */
export function checkSender(
  event: SenderShape,
  isOurWindow: (webContentsId: number) => boolean,
  origin: string = appOrigin,
): SenderVerdict {
  if (!isOurWindow(event.sender.id)) return { allowed: false, reason: 'unknown-window' };
  const frame = event.senderFrame;
  if (frame === null) return { allowed: false, reason: 'no-frame' };
  if (frame.parent !== null) return { allowed: false, reason: 'subframe' };
  if (!isAppUrl(frame.url, origin)) return { allowed: false, reason: 'foreign-origin' };
  return { allowed: true };
}

export const forbiddenResult = failure('FORBIDDEN', 'This window is not allowed to use the ledger.');

/** The part of a WebContents needed to follow a window's life. */
export interface TrackedContents {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface LedgerIpcOptions {
  ledger: Ledger;
  clock?: () => Date;
  onInternalError?: (error: unknown, method: string) => void;
  /** Told about each refused call, for the log; the caller only ever sees FORBIDDEN. */
  onRefused?: (reason: RefusalReason, webContentsId: number) => void;
  origin?: string;
}

export interface LedgerIpc {
  /** Gives a window we created its own sign-in (signed out); dropped when it is destroyed. */
  trackWindow(contents: TrackedContents): void;
  /** Answers one `ledger.invoke`. Returns a CallResult; never throws. */
  handle(event: SenderShape, method: unknown, input: unknown): CallResult<unknown>;
  /** Live sign-ins by webContents id (read-only view, for tests and diagnostics). */
  readonly signIns: ReadonlyMap<number, SignIn>;
}

export function createLedgerIpc(options: LedgerIpcOptions): LedgerIpc {
  const signIns = new Map<number, SignIn>();
  const origin = options.origin ?? appOrigin;

  const refuse = (reason: RefusalReason, id: number): CallResult<unknown> => {
    options.onRefused?.(reason, id);
    return forbiddenResult;
  };

  return {
    signIns,
    trackWindow(contents) {
      const { id } = contents;
      signIns.set(id, createSignIn());
      contents.once('destroyed', () => signIns.delete(id));
    },
    handle(event, method, input) {
      let id = -1;
      try {
        id = event.sender.id;
        // Reading a disposed frame can throw in Electron; that is a refusal, not a crash.
        const verdict = checkSender(event, (candidate) => signIns.has(candidate), origin);
        if (!verdict.allowed) return refuse(verdict.reason, id);
      } catch {
        return refuse('unreadable-frame', id);
      }
      const signIn = signIns.get(id);
      if (signIn === undefined) return refuse('unknown-window', id);
      try {
        return dispatch(
          { ledger: options.ledger, signIn, clock: options.clock, onInternalError: options.onInternalError },
          typeof method === 'string' ? method : '',
          input,
        );
      } catch (error) {
        // dispatch returns errors as values; this only guards the promise to the renderer.
        options.onInternalError?.(error, typeof method === 'string' ? method : '');
        return failure('INTERNAL', 'Something went wrong and nothing was saved.');
      }
    },
  };
}

/**
 * Registers the single channel on `ipcMain`; returns the function that removes it. `gate`
 * answers a call instead of the ledger when it must not run (sign-in to a damaged file); it may
 * wait for the background check of the file.
 */
export function registerLedgerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  ipc: LedgerIpc,
  gate: (method: unknown) => Promise<CallResult<unknown> | null> = () => Promise.resolve(null),
): () => void {
  ipcMain.handle(
    ledgerChannel,
    async (event, method: unknown, input: unknown) => (await gate(method)) ?? ipc.handle(event, method, input),
  );
  return () => ipcMain.removeHandler(ledgerChannel);
}
