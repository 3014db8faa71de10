/**
 * The clinic-host benchmark's devices: each an HTTPS keep-alive agent (its own loopback source
 * address, as each tablet has its own) with a cookie jar, timing every request it makes.
 */
import { Agent, request } from 'node:https';

export interface BenchPatient {
  patientId: number;
  familyName: string;
  planRecordId: number;
  planVersionId: number;
  timingReason: string;
  /** The supervising physician each start names (issue 22). */
  supervision: { physicianUserId: number; availability: 'on-site' };
}

/** What the host process reports once it listens. */
export interface BenchHostReady {
  type: 'ready';
  origin: string;
  rootPem: string;
  dbPath: string;
  dir: string;
  staticDir: string;
  patients: BenchPatient[];
  nurses: string[];
  setupMs: number;
  setupSteps: Record<string, number>;
}

export type BenchHostRequest =
  { type: 'approve'; pairingCode: string; name: string } | { type: 'usage' } | { type: 'stop' };

export type BenchHostReply =
  | { type: 'approved'; pairingCode: string; ok: boolean; error?: string }
  /** CPU time and event-loop delay p99 since the last `usage`. */
  | { type: 'usage'; cpuMs: number; loopDelayP99Ms: number };

export interface CallResult {
  status: number;
  ok: boolean;
  value: unknown;
  error?: string;
}

/** One request's latency, and what was happening on the host while it ran. */
export interface Sample {
  method: string;
  ms: number;
  ok: boolean;
  signInsRunning: boolean;
}

export interface BenchDevice {
  name: string;
  /** POST a JSON body with the app's own headers; the latency is what the caller measures. */
  post(path: string, body: unknown): Promise<CallResult>;
  invoke(method: string, input: unknown): Promise<CallResult>;
  close(): void;
}

export function benchDevice(origin: string, rootPem: string, name: string, sourceAddress: string): BenchDevice {
  const url = new URL(origin);
  const agent = new Agent({ keepAlive: true, maxSockets: 1, ca: rootPem, localAddress: sourceAddress });
  const cookies = new Map<string, string>();
  const post = (path: string, body: unknown): Promise<CallResult> =>
    new Promise((resolve, reject) => {
      const text = JSON.stringify(body);
      const cookie = [...cookies].map(([key, value]) => `${key}=${value}`).join('; ');
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path,
          method: 'POST',
          agent,
          localAddress: sourceAddress,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
            origin,
            'sec-fetch-site': 'same-origin',
            'x-ledger-request': '1',
            ...(cookie === '' ? {} : { cookie }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            for (const line of res.headers['set-cookie'] ?? []) {
              const [pair = ''] = line.split(';');
              const at = pair.indexOf('=');
              const value = pair.slice(at + 1);
              if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) cookies.delete(pair.slice(0, at));
              else cookies.set(pair.slice(0, at), value);
            }
            const status = res.statusCode ?? 0;
            try {
              const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
                ok?: boolean;
                value?: unknown;
                error?: { code: string; message: string };
              };
              resolve({
                status,
                ok: status === 200 && parsed.ok === true,
                value: parsed.value,
                error: parsed.error === undefined ? undefined : `${parsed.error.code}: ${parsed.error.message}`,
              });
            } catch {
              resolve({ status, ok: false, value: undefined, error: `status ${status}, not JSON` });
            }
          });
        },
      );
      req.on('error', reject);
      req.end(text);
    });
  return {
    name,
    post,
    invoke: (method, input) => post('/api/invoke', { method, input }),
    close: () => agent.destroy(),
  };
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

export interface LatencySummary {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly Sample[]): LatencySummary {
  const sorted = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Milliseconds since `startNs` (process.hrtime.bigint()), to 0.01 ms. */
export const elapsedMs = (startNs: bigint): number => Math.round(Number(process.hrtime.bigint() - startNs) / 1e4) / 100;
