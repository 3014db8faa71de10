import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../contract/errors';
import { failure } from '../contract/errors';
import { securityHeaders } from '../contract/security-headers';

/** Every refusal has the contract's error shape, so the renderer can show its message. */
export function sendFailure(reply: FastifyReply, status: number, code: ErrorCode, message: string): FastifyReply {
  return reply
    .code(status)
    .headers(securityHeaders)
    .type('application/json')
    .send(JSON.stringify(failure(code, message)));
}

const clientMessages: Record<number, string> = {
  400: 'The request is malformed.',
  404: 'Not found.',
  405: 'Method not allowed.',
  408: 'The request took too long to arrive.',
  413: 'The request is too large.',
  415: 'Send JSON.',
  431: 'The request headers are too large.',
};

/** Errors thrown while a request is handled: Fastify's own (body too large, bad length) or ours. */
export function handleRequestError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return sendFailure(reply, status, 'INVALID_INPUT', clientMessages[status] ?? 'The request was refused.');
  }
  console.error('[dosing-ledger] request failed:', error);
  return sendFailure(reply, 500, 'INTERNAL', 'The request failed.');
}

/** Errors Fastify meets before any route runs, such as an address that is not valid percent-encoding. */
export function handleFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode !== undefined && error.statusCode < 500 ? error.statusCode : 400;
  const message = error.code === 'FST_ERR_BAD_URL' ? 'The address is not valid.' : clientMessages[status];
  sendFailure(reply, status, 'INVALID_INPUT', message ?? 'The request was refused.');
}

/**
 * Errors on a connection before Fastify sees a request (unparseable bytes, headers too large,
 * too slow): answered once in the same shape where the socket still takes it, then closed.
 */
export function handleClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  if (socket.writable) {
    const body = JSON.stringify(failure('INVALID_INPUT', clientMessages[status] ?? 'The request was refused.'));
    const head = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
      ...Object.entries(securityHeaders).map(([name, value]) => `${name}: ${value}`),
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'Connection: close',
    ];
    socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
  }
  socket.destroy();
}
