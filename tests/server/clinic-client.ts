import { request } from 'node:https';

export interface ClinicReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json(): unknown;
}

export interface ClinicClient {
  /** Cookies this device holds, by name (what a browser's cookie jar would hold). */
  cookies: Map<string, string>;
  /** Raw Set-Cookie lines of the last reply that set any. */
  lastSetCookie: string[];
  send(
    method: string,
    path: string,
    options?: { body?: string; headers?: Record<string, string> },
  ): Promise<ClinicReply>;
  /** POST with the headers the app's own page sends. */
  post(path: string, value: unknown, headers?: Record<string, string>): Promise<ClinicReply>;
  invoke(
    method: string,
    input?: unknown,
  ): Promise<{ status: number; result: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }>;
}

/**
 * One device talking to the clinic host as its browser would: TLS checked against the clinic
 * root, the page's own Origin, and a cookie jar.
 */
export function clinicClient(origin: string, rootPem: string, servername?: string): ClinicClient {
  const url = new URL(origin);
  const client: ClinicClient = {
    cookies: new Map(),
    lastSetCookie: [],
    send: (method, path, options = {}) =>
      new Promise((resolve, reject) => {
        const cookie = [...client.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
        const req = request(
          {
            host: url.hostname.replace(/^\[|\]$/g, ''),
            port: url.port,
            path,
            method,
            ca: rootPem,
            servername,
            headers: { ...(cookie === '' ? {} : { cookie }), ...options.headers },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
              const set = res.headers['set-cookie'] ?? [];
              if (set.length > 0) client.lastSetCookie = set;
              for (const line of set) {
                const [pair = ''] = line.split(';');
                const at = pair.indexOf('=');
                const name = pair.slice(0, at);
                const value = pair.slice(at + 1);
                if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) client.cookies.delete(name);
                else client.cookies.set(name, value);
              }
              const body = Buffer.concat(chunks).toString('utf8');
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body,
                json: () => JSON.parse(body) as unknown,
              });
            });
          },
        );
        req.on('error', reject);
        if (options.body !== undefined) req.write(options.body);
        req.end();
      }),
    post: (path, value, headers = {}) =>
      client.send('POST', path, {
        body: JSON.stringify(value),
        headers: {
          'content-type': 'application/json',
          origin,
          'sec-fetch-site': 'same-origin',
          'x-ledger-request': '1',
          ...headers,
        },
      }),
    invoke: async (method, input = {}) => {
      const reply = await client.post('/api/invoke', { method, input });
      return { status: reply.status, result: reply.json() as Awaited<ReturnType<ClinicClient['invoke']>>['result'] };
    },
  };
  return client;
}
