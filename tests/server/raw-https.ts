import type { Socket } from 'node:net';
import { connect as connectTcp } from 'node:net';
import { connect as connectTls } from 'node:tls';
import type { RawReply } from './raw-http';

export interface TlsTarget {
  address: string;
  port: number;
  /** The clinic root (PEM): the host's certificate must chain to it and name `address`. */
  ca: string;
}

function parseReply(chunks: readonly Buffer[], closed: boolean): RawReply {
  const text = Buffer.concat(chunks).toString('latin1');
  const [head = ''] = text.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = /^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1];
  const headers = lines.map((line): [string, string] => {
    const at = line.indexOf(':');
    return [line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()];
  });
  return { status: status === undefined ? null : Number(status), headers, text, closed };
}

/**
 * Sends bytes over a raw TLS connection (certificate checked against the clinic root, no HTTP
 * client library to tidy the bytes up) and collects what comes back until the server closes
 * or `deadlineMs` passes. `parts` are sent `gapMs` apart, for slow clients; `end` half-closes
 * after the last part. `plainTcp` skips TLS altogether: bytes that are not even a handshake.
 */
export function rawTlsExchange(
  target: TlsTarget,
  parts: readonly (string | Uint8Array)[],
  options: { gapMs?: number; deadlineMs?: number; end?: boolean; plainTcp?: boolean } = {},
): Promise<RawReply> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (closed: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      socket.destroy();
      resolve(parseReply(chunks, closed));
    };
    const send = (): void => {
      void (async () => {
        for (const part of parts) {
          if (socket.destroyed) return;
          socket.write(part);
          if (options.gapMs !== undefined) await new Promise((next) => setTimeout(next, options.gapMs));
        }
        if (options.end === true && !socket.destroyed) socket.end();
      })();
    };
    const socket: Socket =
      options.plainTcp === true
        ? connectTcp(target.port, target.address, send)
        : connectTls({ host: target.address, port: target.port, ca: target.ca }, send);
    const deadline = setTimeout(() => finish(false), options.deadlineMs ?? 3000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
  });
}

/** The body of a raw reply, after its head (not de-chunked: the tests send `Connection: close`). */
export function replyBody(reply: RawReply): string {
  const at = reply.text.indexOf('\r\n\r\n');
  return at < 0 ? '' : reply.text.slice(at + 4);
}

/** A request as bytes: the request line, then headers in order (undefined ones left out), then the body. */
export function rawRequest(line: string, headers: readonly [string, string | undefined][], body = ''): string {
  const lines = headers
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}: ${value.replace(/[\r\n]/g, ' ')}`);
  return `${line}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}
