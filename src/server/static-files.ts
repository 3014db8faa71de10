import { extname } from 'node:path';
import { fastifyStatic } from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { securityHeaders } from '../contract/security-headers';

/** The renderer's file types, named as the app has always sent them. */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

function sendText(reply: FastifyReply, status: number, text: string): void {
  void reply.code(status).headers(securityHeaders).type('text/plain').send(text);
}

/**
 * The built renderer from `staticDir`: `/` is index.html, any other path is that file or 404.
 * @fastify/static decodes and confines paths (no `..`, no dotfiles), so a malformed address is
 * a 4xx, never a thrown error.
 */
export async function registerStaticFiles(app: FastifyInstance, staticDir: string): Promise<void> {
  // Which file a response carries, so its type can be the app's own (send's table differs).
  const servedFiles = new WeakMap<object, string>();
  await app.register(fastifyStatic, {
    root: staticDir,
    serve: true,
    wildcard: true,
    decorateReply: false,
    index: ['index.html'],
    dotfiles: 'ignore',
    redirect: false,
    // Every response is no-store (securityHeaders); validators would only invite revalidation.
    cacheControl: false,
    etag: false,
    lastModified: false,
    setHeaders: (response, filePath) => {
      servedFiles.set(response, filePath);
    },
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    const file = servedFiles.get(reply.raw);
    if (file !== undefined && reply.statusCode === 200) {
      reply.header('content-type', contentTypes[extname(file)] ?? 'application/octet-stream');
    }
    return payload;
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(reply, 405, 'Method not allowed');
    sendText(reply, 404, 'Not found');
  });
}
