/**
 * What one client may cost the server. Slow or oversized requests are answered (408, 413,
 * 431) or cut off, so no client can stall or exhaust the one process that holds the ledger.
 */
export interface ServerLimits {
  /** Largest request body; a larger one is answered 413 before it is read to the end. */
  bodyBytes: number;
  /** Largest request head (request line and headers); a larger one is answered 431. */
  headerBytes: number;
  /** Time allowed to send the request head. */
  headersTimeoutMs: number;
  /** Time allowed to send the whole request, head and body. */
  requestTimeoutMs: number;
  /** A connection with no traffic at all for this long is closed. */
  idleTimeoutMs: number;
  /** How often Node looks for requests over their time limit. */
  timeoutCheckIntervalMs: number;
  /** Open connections at once; further ones are closed on arrival. */
  maxConnections: number;
  /**
   * Open connections from one network address (one device) at once, so one device cannot
   * take every connection the host has; further ones from it are closed on arrival.
   */
  connectionsPerAddress: number;
}

export const defaultServerLimits: ServerLimits = {
  bodyBytes: 1024 * 1024,
  headerBytes: 16 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 60_000,
  timeoutCheckIntervalMs: 1_000,
  maxConnections: 128,
  // A browser opens at most 6 per host, plus an event stream per tab.
  connectionsPerAddress: 32,
};
